package com.corpbank.portal.portfolio;

import java.time.LocalDate;

import com.corpbank.portal.client.ClientFilter;
import com.corpbank.portal.security.Caller;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/**
 * {@code Query.portfolio}: maps the arguments and delegates to {@link PortfolioQueries} (the current state) or, with
 * {@code asOf}, to {@link PortfolioAsOf} (the state at the end of that Beijing day).
 */
@Controller
class PortfolioController {

	private final PortfolioQueries queries;

	private final PortfolioAsOf asOfQueries;

	PortfolioController(PortfolioQueries queries, PortfolioAsOf asOfQueries) {
		this.queries = queries;
		this.asOfQueries = asOfQueries;
	}

	@QueryMapping
	Portfolio portfolio(@AuthenticationPrincipal Caller caller, @Argument @Nullable ClientFilter filter,
			@Argument PortfolioDimension groupBy, @Argument @Nullable LocalDate asOf) {
		ClientFilter conditions = (filter != null) ? filter : ClientFilter.NONE;
		return (asOf != null) ? this.asOfQueries.portfolio(caller, conditions, groupBy, asOf)
				: this.queries.portfolio(caller, conditions, groupBy);
	}

}
