package com.corpbank.portal.portfolio;

import com.corpbank.portal.client.ClientFilter;
import com.corpbank.portal.security.Caller;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/** {@code Query.portfolio}: maps the arguments and delegates to {@link PortfolioQueries}. */
@Controller
class PortfolioController {

	private final PortfolioQueries queries;

	PortfolioController(PortfolioQueries queries) {
		this.queries = queries;
	}

	@QueryMapping
	Portfolio portfolio(@AuthenticationPrincipal Caller caller, @Argument @Nullable ClientFilter filter,
			@Argument PortfolioDimension groupBy) {
		return this.queries.portfolio(caller, (filter != null) ? filter : ClientFilter.NONE, groupBy);
	}

}
