package com.corpbank.portal.feedback;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.corpbank.portal.graphql.InvalidArgumentException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The trend arithmetic: periods, per-scale averages with two decimals half up, the NPS score, quarters from months. */
class SatisfactionTrendsTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

	@Test
	void theLastPeriodsEndWithTodaysOldestFirst() {
		assertThat(SatisfactionTrends.lastPeriods(TrendGranularity.MONTH, 3, TODAY))
			.extracting(SatisfactionTrends.Period::label)
			.containsExactly("2026-09", "2026-10", "2026-11");
		List<SatisfactionTrends.Period> quarters = SatisfactionTrends.lastPeriods(TrendGranularity.QUARTER, 2, TODAY);
		assertThat(quarters).extracting(SatisfactionTrends.Period::label).containsExactly("2026-Q3", "2026-Q4");
		assertThat(quarters.get(0).startsOn()).isEqualTo(LocalDate.of(2026, 7, 1));
		assertThat(quarters.get(1).endsOn()).isEqualTo(LocalDate.of(2026, 12, 31));
	}

	@Test
	void periodsAreBoundedAndOrdered() {
		assertThat(SatisfactionTrends.periodsBetween(TrendGranularity.MONTH, LocalDate.of(2025, 12, 31),
				LocalDate.of(2026, 1, 1)))
			.extracting(SatisfactionTrends.Period::label)
			.containsExactly("2025-12", "2026-01");
		assertThat(SatisfactionTrends.periodsBetween(TrendGranularity.MONTH, LocalDate.of(2024, 1, 1),
				LocalDate.of(2026, 12, 31)))
			.hasSize(36);
		assertThatThrownBy(() -> SatisfactionTrends.periodsBetween(TrendGranularity.MONTH, LocalDate.of(2024, 1, 1),
				LocalDate.of(2027, 1, 1)))
			.isInstanceOf(InvalidArgumentException.class);
		assertThatThrownBy(() -> SatisfactionTrends.periodsBetween(TrendGranularity.MONTH, TODAY, TODAY.minusDays(1)))
			.isInstanceOf(InvalidArgumentException.class);
		assertThatThrownBy(() -> SatisfactionTrends.lastPeriods(TrendGranularity.MONTH, 0, TODAY))
			.isInstanceOf(InvalidArgumentException.class);
		assertThatThrownBy(() -> SatisfactionTrends.lastPeriods(TrendGranularity.QUARTER, 37, TODAY))
			.isInstanceOf(InvalidArgumentException.class);
	}

	@Test
	void averagesArePerScaleWithTwoDecimalsHalfUpAndEmptyPeriodsHaveNone() {
		// five-point: 4 + 5 + 5 = 14 over 3 = 4.666… → 4.67; NPS: 9, 10 (promoters), 7 (passive), 3, 6 (detractors)
		List<SatisfactionTrends.Sums> sums = List.of(
				new SatisfactionTrends.Sums("2026-10", SurveyScale.FIVE_POINT, null, 3, 14),
				new SatisfactionTrends.Sums("2026-10", SurveyScale.NPS, NpsBand.PROMOTER, 2, 19),
				new SatisfactionTrends.Sums("2026-10", SurveyScale.NPS, NpsBand.PASSIVE, 1, 7),
				new SatisfactionTrends.Sums("2026-10", SurveyScale.NPS, NpsBand.DETRACTOR, 2, 9));
		List<SatisfactionPoint> points = SatisfactionTrends
			.points(SatisfactionTrends.lastPeriods(TrendGranularity.MONTH, 2, TODAY), sums);
		SatisfactionPoint october = points.get(0);
		assertThat(october.period()).isEqualTo("2026-10");
		assertThat(october.responses()).isEqualTo(8);
		assertThat(october.fivePointResponses()).isEqualTo(3);
		assertThat(october.fivePointAverage()).isEqualTo(new BigDecimal("4.67"));
		assertThat(october.npsResponses()).isEqualTo(5);
		// 35 / 5 = 7.00; (2 - 2) / 5 = 0.0
		assertThat(october.npsAverage()).isEqualTo(new BigDecimal("7.00"));
		assertThat(october.npsScore()).isEqualTo(new BigDecimal("0.0"));
		SatisfactionPoint november = points.get(1);
		assertThat(november.responses()).isZero();
		assertThat(november.fivePointAverage()).isNull();
		assertThat(november.npsAverage()).isNull();
		assertThat(november.npsScore()).isNull();
	}

	@Test
	void theNpsScoreIsPromotersMinusDetractorsInPointsRoundedHalfUp() {
		// 2 promoters, 1 detractor of 3: 33.333… → 33.3; 2 of 3 detractors, none promoting: -66.666… → -66.7
		assertThat(SatisfactionTrends.points(SatisfactionTrends.lastPeriods(TrendGranularity.MONTH, 1, TODAY),
				List.of(new SatisfactionTrends.Sums("2026-11", SurveyScale.NPS, NpsBand.PROMOTER, 2, 20),
						new SatisfactionTrends.Sums("2026-11", SurveyScale.NPS, NpsBand.DETRACTOR, 1, 0)))
			.get(0)
			.npsScore()).isEqualTo(new BigDecimal("33.3"));
		assertThat(SatisfactionTrends.points(SatisfactionTrends.lastPeriods(TrendGranularity.MONTH, 1, TODAY),
				List.of(new SatisfactionTrends.Sums("2026-11", SurveyScale.NPS, NpsBand.PASSIVE, 1, 8),
						new SatisfactionTrends.Sums("2026-11", SurveyScale.NPS, NpsBand.DETRACTOR, 2, 5)))
			.get(0)
			.npsScore()).isEqualTo(new BigDecimal("-66.7"));
	}

	@Test
	void aQuarterAddsItsMonthsBeforeDividing() {
		// Q4: Oct 2 × (5 + 4) = 9, Nov 1 × 2: (9 + 2) / 3 = 3.666… → 3.67 (not the mean of the monthly means 4.5 and 2)
		List<SatisfactionPoint> points = SatisfactionTrends.points(
				SatisfactionTrends.lastPeriods(TrendGranularity.QUARTER, 2, TODAY),
				List.of(new SatisfactionTrends.Sums("2026-10", SurveyScale.FIVE_POINT, null, 2, 9),
						new SatisfactionTrends.Sums("2026-11", SurveyScale.FIVE_POINT, null, 1, 2),
						new SatisfactionTrends.Sums("2026-08", SurveyScale.FIVE_POINT, null, 1, 1)));
		assertThat(points.get(0).fivePointAverage()).isEqualTo(new BigDecimal("1.00"));
		assertThat(points.get(1).period()).isEqualTo("2026-Q4");
		assertThat(points.get(1).fivePointResponses()).isEqualTo(3);
		assertThat(points.get(1).fivePointAverage()).isEqualTo(new BigDecimal("3.67"));
	}

	@Test
	void npsBandsFollowTheScores() {
		assertThat(NpsBand.of(6)).isEqualTo(NpsBand.DETRACTOR);
		assertThat(NpsBand.of(7)).isEqualTo(NpsBand.PASSIVE);
		assertThat(NpsBand.of(8)).isEqualTo(NpsBand.PASSIVE);
		assertThat(NpsBand.of(9)).isEqualTo(NpsBand.PROMOTER);
	}

}
