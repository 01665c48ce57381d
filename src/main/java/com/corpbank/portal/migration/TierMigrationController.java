package com.corpbank.portal.migration;

import java.time.LocalDate;

import com.corpbank.portal.client.ClientFilter;
import com.corpbank.portal.security.Caller;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/** {@code Query.tierMigration} and its drill-down {@code Query.tierMigrationClients}. */
@Controller
class TierMigrationController {

	/** The schema's default page size, also used for {@code first: null}. */
	static final int DEFAULT_PAGE_SIZE = 20;

	private static final ClientFilter NO_FILTER = new ClientFilter(null, null, null, null, null, null, null, null,
			null, null, null);

	private final MigrationQueries queries;

	TierMigrationController(MigrationQueries queries) {
		this.queries = queries;
	}

	@QueryMapping
	TierMigration tierMigration(@AuthenticationPrincipal Caller caller, @Argument LocalDate from,
			@Argument LocalDate to, @Argument @Nullable ClientFilter filter) {
		return this.queries.matrix(caller, from, to, (filter != null) ? filter : NO_FILTER);
	}

	@QueryMapping
	TierMigrationClients tierMigrationClients(@AuthenticationPrincipal Caller caller, @Argument LocalDate from,
			@Argument LocalDate to, @Argument MigrationTier fromTier, @Argument MigrationTier toTier,
			@Argument @Nullable ClientFilter filter, @Argument @Nullable Integer first,
			@Argument @Nullable String after) {
		return this.queries.page(caller, from, to, fromTier, toTier, (filter != null) ? filter : NO_FILTER,
				(first != null) ? first : DEFAULT_PAGE_SIZE, after);
	}

}
