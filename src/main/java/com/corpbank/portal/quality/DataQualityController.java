package com.corpbank.portal.quality;

import com.corpbank.portal.access.PermissionModel;
import com.corpbank.portal.security.Caller;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/**
 * {@code Query.dataQualityReport}, {@code Query.dataQualityClients} and {@code DataQualityClientConnection.totalCount}.
 * Each acts in the row scope of the caller's roles that its permission rule allows, which for these rules is the
 * scope {@code Query.clients} gives the same caller. The clients' own fields are resolved by the client features'
 * batch mappings, as on {@code Query.clients}.
 */
@Controller
class DataQualityController {

	static final int DEFAULT_PAGE_SIZE = 20;

	private final DataQualityQueries queries;

	private final PermissionModel permissions;

	DataQualityController(DataQualityQueries queries, PermissionModel permissions) {
		this.queries = queries;
		this.permissions = permissions;
	}

	@QueryMapping
	DataQualityReport dataQualityReport(@AuthenticationPrincipal Caller caller) {
		return this.queries.report(this.permissions.scopeFor(caller, "Query.dataQualityReport"));
	}

	@QueryMapping
	DataQualityQueries.Page dataQualityClients(@AuthenticationPrincipal Caller caller,
			@Argument DataQualityProblem problem, @Argument @Nullable String teamCode, @Argument @Nullable Integer first,
			@Argument @Nullable String after) {
		return this.queries.clients(this.permissions.scopeFor(caller, "Query.dataQualityClients"), problem, teamCode,
				(first != null) ? first : DEFAULT_PAGE_SIZE, after);
	}

	@SchemaMapping(typeName = "DataQualityClientConnection")
	long totalCount(DataQualityQueries.Page page) {
		return this.queries.count(page.selection());
	}

}
