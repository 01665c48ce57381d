package com.corpbank.portal.worklist;

import com.corpbank.portal.access.ManagerBindings;
import com.corpbank.portal.access.PermissionModel;
import com.corpbank.portal.security.Caller;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/**
 * {@code Query.myWorklist}, {@code Query.teamWorklist}, {@code Query.branchWorklistSummary} and
 * {@code WorklistConnection.totalCount}. Each acts in the row scope of the caller's roles that its permission rule
 * allows (an RM who is also a team lead gets their own clients in {@code myWorklist}, the team's in
 * {@code teamWorklist}).
 */
@Controller
class WorklistController {

	static final int DEFAULT_PAGE_SIZE = 20;

	private final WorklistQueries queries;

	private final PermissionModel permissions;

	private final ManagerBindings managerBindings;

	WorklistController(WorklistQueries queries, PermissionModel permissions, ManagerBindings managerBindings) {
		this.queries = queries;
		this.permissions = permissions;
		this.managerBindings = managerBindings;
	}

	@QueryMapping
	WorklistQueries.Page myWorklist(@AuthenticationPrincipal Caller caller, @Argument @Nullable MyWorklistFilter filter,
			@Argument @Nullable Integer first, @Argument @Nullable String after) {
		// The RM record bound to the token's subject, as the row scope has it (never preferred_username).
		String rmUsername = this.managerBindings.managerBoundTo(caller.subject()).orElse(null);
		return this.queries.mine(this.permissions.scopeFor(caller, "Query.myWorklist"), rmUsername,
				(filter != null) ? filter : MyWorklistFilter.NONE, (first != null) ? first : DEFAULT_PAGE_SIZE, after);
	}

	@QueryMapping
	WorklistQueries.Page teamWorklist(@AuthenticationPrincipal Caller caller,
			@Argument @Nullable TeamWorklistFilter filter, @Argument @Nullable Integer first,
			@Argument @Nullable String after) {
		return this.queries.team(this.permissions.scopeFor(caller, "Query.teamWorklist"),
				(filter != null) ? filter : TeamWorklistFilter.NONE, (first != null) ? first : DEFAULT_PAGE_SIZE,
				after);
	}

	@QueryMapping
	WorklistSummary branchWorklistSummary(@AuthenticationPrincipal Caller caller) {
		return this.queries.summary(this.permissions.scopeFor(caller, "Query.branchWorklistSummary"));
	}

	@SchemaMapping(typeName = "WorklistConnection")
	long totalCount(WorklistQueries.Page page) {
		return this.queries.count(page.selection());
	}

}
