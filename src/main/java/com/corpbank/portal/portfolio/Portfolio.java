package com.corpbank.portal.portfolio;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * {@code Portfolio}: the caller's book (in scope and matching the filter) grouped by one dimension, the groups in key
 * order (the null key last), and the totals over every group.
 *
 * @param computedAt when the aggregation ran: the store's state at that instant (for {@code asOf}, the histories and
 * figures on file then)
 * @param asOf the Beijing date the portfolio is as of ({@link PortfolioAsOf}); null for the current state
 */
public record Portfolio(PortfolioDimension groupBy, List<PortfolioGroup> groups, PortfolioFigures totals,
		Instant computedAt, @Nullable LocalDate asOf) {
}
