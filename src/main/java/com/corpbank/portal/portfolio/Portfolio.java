package com.corpbank.portal.portfolio;

import java.time.Instant;
import java.util.List;

/**
 * {@code Portfolio}: the caller's book (in scope and matching the filter) grouped by one dimension, the groups in key
 * order (the null key last), and the totals over every group.
 *
 * @param computedAt when the aggregation ran: the figures are the store's current state at that instant
 */
public record Portfolio(PortfolioDimension groupBy, List<PortfolioGroup> groups, PortfolioFigures totals,
		Instant computedAt) {
}
