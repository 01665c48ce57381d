package com.corpbank.portal.tier;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The customer lifetime value estimate of {@link ClvParameters}: yearly contribution (12 months' fee income +
 * depositMargin x average deposits + loanMargin x loan balance) x sum over t = 1..horizon of (retention / (1 +
 * discount))^t, in yuan with two decimals. The annuity factor is computed in 34-digit decimal arithmetic, so the
 * estimate is the same everywhere.
 */
public final class LifetimeValue {

	private LifetimeValue() {
	}

	public static BigDecimal yearlyContribution(ClvParameters clv, BigDecimal feeIncome, BigDecimal averageDeposits,
			BigDecimal loanBalance) {
		return feeIncome.add(clv.depositMargin().multiply(averageDeposits)).add(clv.loanMargin().multiply(loanBalance));
	}

	public static BigDecimal estimate(ClvParameters clv, BigDecimal yearlyContribution) {
		return yearlyContribution.multiply(annuityFactor(clv), MathContext.DECIMAL128).setScale(2, RoundingMode.HALF_UP);
	}

	/** Sum over t = 1..horizon of (retention / (1 + discount))^t. */
	static BigDecimal annuityFactor(ClvParameters clv) {
		BigDecimal ratio = clv.retentionRate().divide(BigDecimal.ONE.add(clv.discountRate()), MathContext.DECIMAL128);
		BigDecimal factor = BigDecimal.ZERO;
		BigDecimal term = BigDecimal.ONE;
		for (int year = 1; year <= clv.horizonYears(); year++) {
			term = term.multiply(ratio, MathContext.DECIMAL128);
			factor = factor.add(term, MathContext.DECIMAL128);
		}
		return factor;
	}

}
