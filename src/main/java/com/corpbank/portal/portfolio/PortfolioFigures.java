package com.corpbank.portal.portfolio;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * {@code PortfolioFigures}: how many clients and how much business, summed exactly (see {@link ClientFigureCopies}
 * for what each figure is and as of when).
 *
 * @param clientCount clients in the group
 * @param revenue sum of each client's latest annual CNY statement revenue 营业收入
 * @param clientsWithRevenue clients that have such a statement (the others add nothing to {@code revenue})
 * @param averageDeposits sum of each client's newest month's average daily deposits 日均存款
 * @param loanBalance sum of each client's loan balance 贷款余额 at the end of its newest month
 * @param feeIncome sum of each client's fee income 中间业务收入 in its newest month
 * @param clientsWithMetrics clients with at least one month of relationship figures
 * @param oldestMetricsMonth the oldest of the newest months summed, e.g. "2026-09"; null when none
 * @param newestMetricsMonth the newest month summed; null when none
 */
public record PortfolioFigures(int clientCount, BigDecimal revenue, int clientsWithRevenue,
		BigDecimal averageDeposits, BigDecimal loanBalance, BigDecimal feeIncome, int clientsWithMetrics,
		@Nullable String oldestMetricsMonth, @Nullable String newestMetricsMonth) {

	static final PortfolioFigures NONE = new PortfolioFigures(0, zero(), 0, zero(), zero(), zero(), 0, null, null);

	private static BigDecimal zero() {
		return BigDecimal.ZERO.setScale(2);
	}

	/** Both groups' clients together: exact, as every sum is a BigDecimal. */
	PortfolioFigures plus(PortfolioFigures other) {
		return new PortfolioFigures(this.clientCount + other.clientCount, this.revenue.add(other.revenue),
				this.clientsWithRevenue + other.clientsWithRevenue, this.averageDeposits.add(other.averageDeposits),
				this.loanBalance.add(other.loanBalance), this.feeIncome.add(other.feeIncome),
				this.clientsWithMetrics + other.clientsWithMetrics, min(this.oldestMetricsMonth, other.oldestMetricsMonth),
				max(this.newestMetricsMonth, other.newestMetricsMonth));
	}

	private static @Nullable String min(@Nullable String a, @Nullable String b) {
		return (a == null) ? b : (b == null || a.compareTo(b) <= 0) ? a : b;
	}

	private static @Nullable String max(@Nullable String a, @Nullable String b) {
		return (a == null) ? b : (b == null || a.compareTo(b) >= 0) ? a : b;
	}

}
