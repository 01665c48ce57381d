package com.corpbank.portal.tier;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SeedTierModelTest {

	@Test
	void everyFactorAtItsTopScoresAHundred() {
		// 10 billion yuan, margin 15% and mature.
		assertThat(SeedTierModel.score(new BigDecimal("10000000000.00"), new BigDecimal("0.15"), "MATURE"))
			.isEqualTo(new BigDecimal("100.00"));
	}

	@Test
	void factorsAreWeighted45To25To30() {
		// 1 million (scale 20), margin 5% (profitability 50), new (80): 0.45*20 + 0.25*50 + 0.30*80 = 45.50.
		assertThat(SeedTierModel.score(new BigDecimal("1000000.00"), new BigDecimal("0.05"), "NEW"))
			.isEqualTo(new BigDecimal("45.50"));
	}

	@Test
	void factorsAreClampedAtZero() {
		assertThat(SeedTierModel.score(new BigDecimal("50000.00"), new BigDecimal("-0.30"), "CHURNED"))
			.isEqualTo(new BigDecimal("0.00"));
		assertThat(SeedTierModel.score(BigDecimal.ZERO, BigDecimal.ZERO, "CHURNED")).isEqualTo(new BigDecimal("6.25"));
	}

	@Test
	void scoresRoundHalfUpToTwoDecimals() {
		// profitability 100 * (0.00001 + 0.05) / 0.20 = 25.005 points, weighted 0.25: 6.25125 -> 6.25
		assertThat(SeedTierModel.score(BigDecimal.ONE, new BigDecimal("0.00001"), "CHURNED"))
			.isEqualTo(new BigDecimal("6.25"));
		// 0.30 * 50 + 0.25 * 100 * 0.05002 / 0.20 = 15 + 6.2525 = 21.2525 -> 21.25
		assertThat(SeedTierModel.score(BigDecimal.ONE, new BigDecimal("0.00002"), "PROSPECT"))
			.isEqualTo(new BigDecimal("21.25"));
	}

	@Test
	void tiersStartAtEightyAndSixty() {
		assertThat(SeedTierModel.tierOf(new BigDecimal("80.00"))).isEqualTo(ValueTierCode.A);
		assertThat(SeedTierModel.tierOf(new BigDecimal("79.99"))).isEqualTo(ValueTierCode.B);
		assertThat(SeedTierModel.tierOf(new BigDecimal("60.00"))).isEqualTo(ValueTierCode.B);
		assertThat(SeedTierModel.tierOf(new BigDecimal("59.99"))).isEqualTo(ValueTierCode.C);
	}

	@Test
	void evaluationCarriesTheModelVersionAndDate() {
		ValueTier tier = SeedTierModel.evaluate(new BigDecimal("10000000000.00"), new BigDecimal("0.15"), "MATURE",
				LocalDate.of(2026, 6, 30));
		assertThat(tier).isEqualTo(new ValueTier(ValueTierCode.A, new BigDecimal("100.00"), "seed-2026.1",
				LocalDate.of(2026, 6, 30)));
	}

	@Test
	void anUnknownLifecycleStageIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> SeedTierModel.score(BigDecimal.ONE, BigDecimal.ZERO, "GONE"));
	}

}
