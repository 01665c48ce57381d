package com.corpbank.portal.tier;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LifetimeValueTests {

	private static final ClvParameters CLV = new ClvParameters(2, new BigDecimal("0.9"), new BigDecimal("0.08"),
			new BigDecimal("0.015"), new BigDecimal("0.02"));

	@Test
	void yearlyContributionIsFeesPlusMarginsOnDepositsAndLoans() {
		// 100,000 fees + 1.5% of 10,000,000 deposits + 2% of 5,000,000 loans.
		assertThat(LifetimeValue.yearlyContribution(CLV, new BigDecimal("100000.00"), new BigDecimal("10000000.00"),
				new BigDecimal("5000000.00")))
			.isEqualByComparingTo("350000");
	}

	@Test
	void theEstimateIsTheRetainedAndDiscountedContributionOverTheHorizon() {
		// r/(1+d) = 0.9/1.08 = 0.8333..; factor = 0.8333.. + 0.6944.. = 1.527777..; 350,000 x 1.527777.. = 534,722.22
		assertThat(LifetimeValue.estimate(CLV, new BigDecimal("350000"))).isEqualTo(new BigDecimal("534722.22"));
	}

	@Test
	void noContributionIsWorthNothing() {
		assertThat(LifetimeValue.estimate(CLV, BigDecimal.ZERO)).isEqualByComparingTo("0");
	}

	@Test
	void fullRetentionWithoutDiscountIsTheContributionTimesTheHorizon() {
		ClvParameters flat = new ClvParameters(5, BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
		assertThat(LifetimeValue.estimate(flat, new BigDecimal("1000.00"))).isEqualTo(new BigDecimal("5000.00"));
	}

}
