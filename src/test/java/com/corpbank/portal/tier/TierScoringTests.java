package com.corpbank.portal.tier;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TierScoringTests {

	private static BigDecimal d(String value) {
		return new BigDecimal(value);
	}

	private static Normalisation bands(String... fromAndPoints) {
		List<Band> bands = new ArrayList<>();
		for (int i = 0; i < fromAndPoints.length; i += 2) {
			bands.add(new Band(d(fromAndPoints[i]), d(fromAndPoints[i + 1])));
		}
		return new Normalisation(NormalisationMethod.BANDS, bands, null, null, List.of(), List.of(), true, BigDecimal.ZERO);
	}

	private static Normalisation minMax(String min, String max, boolean higherIsBetter) {
		return new Normalisation(NormalisationMethod.MIN_MAX, List.of(), d(min), d(max), List.of(), List.of(),
				higherIsBetter, BigDecimal.ZERO);
	}

	private static Normalisation percentiles(List<BigDecimal> cuts) {
		return new Normalisation(NormalisationMethod.PERCENTILE, List.of(), null, null, cuts, List.of(), true,
				BigDecimal.ZERO);
	}

	private static ScoringFactor factor(String key, ScoringInput input, Normalisation normalisation, String weight) {
		return new ScoringFactor(key, input, normalisation, d(weight), null);
	}

	private static TierModel model(ScoringFactor... factors) {
		return new TierModel("t-1", null, TierModelStatus.ACTIVE, LocalDate.of(2026, 1, 1), List.of(factors),
				new TierThresholds(d("80"), d("60")),
				new ClvParameters(5, d("0.9"), d("0.08"), d("0.015"), d("0.02")), "admin", Instant.EPOCH, null, null,
				0L);
	}

	@Test
	void aValueAtABandsLowerBoundScoresThatBandAndJustBelowScoresTheOneBefore() {
		Normalisation employees = bands("0", "10", "50", "40", "300", "80", "1000", "100");
		assertThat(TierScoring.bands(employees.bands(), d("300"))).isEqualByComparingTo("80");
		assertThat(TierScoring.bands(employees.bands(), d("299.99"))).isEqualByComparingTo("40");
		assertThat(TierScoring.bands(employees.bands(), d("5000"))).isEqualByComparingTo("100");
	}

	@Test
	void aValueBelowTheFirstBandScoresZero() {
		assertThat(TierScoring.bands(bands("1", "20", "3", "60").bands(), d("0"))).isEqualByComparingTo("0");
		assertThat(TierScoring.bands(bands("1", "20", "3", "60").bands(), d("-4"))).isEqualByComparingTo("0");
	}

	@Test
	void minMaxIsLinearBetweenTheBooksBoundsAndClippedOutside() {
		Normalisation normalisation = minMax("100", "300", true);
		assertThat(TierScoring.minMax(normalisation, d("100"))).isEqualByComparingTo("0");
		assertThat(TierScoring.minMax(normalisation, d("150"))).isEqualByComparingTo("25");
		assertThat(TierScoring.minMax(normalisation, d("300"))).isEqualByComparingTo("100");
		assertThat(TierScoring.minMax(normalisation, d("99"))).isEqualByComparingTo("0");
		assertThat(TierScoring.minMax(normalisation, d("1000000"))).isEqualByComparingTo("100");
	}

	@Test
	void minMaxTurnedRoundScoresLowValuesHigh() {
		// Recency: 0 months since the last transaction is best.
		Normalisation recency = minMax("0", "24", false);
		assertThat(TierScoring.minMax(recency, d("0"))).isEqualByComparingTo("100");
		assertThat(TierScoring.minMax(recency, d("6"))).isEqualByComparingTo("75");
		assertThat(TierScoring.minMax(recency, d("24"))).isEqualByComparingTo("0");
	}

	@Test
	void minMaxOverABookWhereEveryoneHasTheSameValueDoesNotDivideByZero() {
		Normalisation flat = minMax("5", "5", true);
		assertThat(TierScoring.minMax(flat, d("5"))).isEqualByComparingTo("100");
		assertThat(TierScoring.minMax(flat, d("4"))).isEqualByComparingTo("0");
	}

	@Test
	void percentileRankIsTheMidRankAmongTheCutPoints() {
		List<BigDecimal> cuts = new ArrayList<>();
		for (int i = 0; i <= 100; i++) {
			cuts.add(BigDecimal.valueOf(i * 10L));
		}
		// 505 has 51 cut points below it (0..500) and 51 at or below: (51 + 51) / 2 / 101 = 50.50%.
		assertThat(TierScoring.percentile(percentiles(cuts), d("505"))).isEqualByComparingTo("50.49504950");
		assertThat(TierScoring.percentile(percentiles(cuts), d("-1"))).isEqualByComparingTo("0");
		assertThat(TierScoring.percentile(percentiles(cuts), d("5000"))).isEqualByComparingTo("100");
		// At the lowest cut point: 0 below, 1 at or below.
		assertThat(TierScoring.percentile(percentiles(cuts), d("0"))).isEqualByComparingTo("0.49504950");
	}

	@Test
	void equalValuesScoreEquallyWhereTheBookHasTiesAtACutPoint() {
		List<BigDecimal> cuts = new ArrayList<>();
		for (int i = 0; i <= 100; i++) {
			cuts.add((i < 60) ? BigDecimal.ZERO : BigDecimal.valueOf(i));
		}
		// 60 cut points at 0 (a book where most clients have no loans): a client with none ranks mid-run, 29.70.
		assertThat(TierScoring.percentile(percentiles(cuts), d("0"))).isEqualByComparingTo("29.70297030");
	}

	@Test
	void aCategoryScoresItsPointsAndAnUnknownCategoryIsMissing() {
		ScoringFactor grade = factor("tax_grade", ScoringInput.TAX_CREDIT_GRADE,
				new Normalisation(NormalisationMethod.CATEGORY_POINTS, List.of(), null, null, List.of(),
						List.of(new CategoryPoints("A", d("100")), new CategoryPoints("B", d("80")),
								new CategoryPoints("M", d("60")), new CategoryPoints("C", d("30")),
								new CategoryPoints("D", d("0"))),
						true, d("40")),
				"0.1");
		assertThat(TierScoring.factor(grade, InputValue.of("M")).points()).isEqualByComparingTo("60");
		FactorResult unknown = TierScoring.factor(grade, InputValue.of("Z"));
		assertThat(unknown.missing()).isTrue();
		assertThat(unknown.points()).isEqualByComparingTo("40");
	}

	@Test
	void aMissingInputScoresTheModelsMissingPointsAndIsMarkedMissing() {
		ScoringFactor growth = factor("growth", ScoringInput.REVENUE_GROWTH, bands("-1", "0", "0", "50", "0.2", "100"),
				"0.5");
		FactorResult result = TierScoring.factor(growth, null);
		assertThat(result.missing()).isTrue();
		assertThat(result.rawValue()).isNull();
		assertThat(result.points()).isEqualByComparingTo("0");
		assertThat(result.contribution()).isEqualByComparingTo("0");
	}

	@Test
	void minMaxAndPercentileFactorsOfAnUncalibratedModelCountAsMissing() {
		ScoringFactor uncalibrated = factor("deposits", ScoringInput.AVERAGE_DEPOSITS,
				new Normalisation(NormalisationMethod.MIN_MAX, List.of(), null, null, List.of(), List.of(), true,
						BigDecimal.ZERO),
				"1");
		assertThat(TierScoring.factor(uncalibrated, InputValue.of(d("100"))).missing()).isTrue();
	}

	@Test
	void contributionsAreWeightTimesPointsRoundedAndTheScoreIsTheirExactSum() {
		TierModel model = model(
				factor("a", ScoringInput.REVENUE, minMax("0", "3", true), "0.3333"),
				factor("b", ScoringInput.EMPLOYEES, minMax("0", "3", true), "0.3333"),
				factor("c", ScoringInput.TOTAL_ASSETS, minMax("0", "3", true), "0.3334"));
		TierScoring.Scored scored = TierScoring.score(model, Map.of(ScoringInput.REVENUE, InputValue.of(d("1")),
				ScoringInput.EMPLOYEES, InputValue.of(d("1")), ScoringInput.TOTAL_ASSETS, InputValue.of(d("2"))));
		// Points 33.33, 33.33, 66.67; contributions 11.11, 11.11, 22.23 (half-up of 22.227778).
		assertThat(scored.factors()).extracting(FactorResult::contribution)
			.containsExactly(d("11.11"), d("11.11"), d("22.23"));
		assertThat(scored.score()).isEqualTo(d("44.45"));
		assertThat(scored.factors().stream().map(FactorResult::contribution).reduce(BigDecimal.ZERO, BigDecimal::add))
			.isEqualTo(scored.score());
		assertThat(scored.tier()).isEqualTo(ValueTierCode.C);
	}

	@Test
	void thresholdsAreInclusiveLowerBounds() {
		TierThresholds thresholds = new TierThresholds(d("80"), d("60"));
		assertThat(TierScoring.tierOf(thresholds, d("80.00"))).isEqualTo(ValueTierCode.A);
		assertThat(TierScoring.tierOf(thresholds, d("79.99"))).isEqualTo(ValueTierCode.B);
		assertThat(TierScoring.tierOf(thresholds, d("60.00"))).isEqualTo(ValueTierCode.B);
		assertThat(TierScoring.tierOf(thresholds, d("59.99"))).isEqualTo(ValueTierCode.C);
	}

}
