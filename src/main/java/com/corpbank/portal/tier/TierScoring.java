package com.corpbank.portal.tier;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The scoring arithmetic of a model, in decimals: each factor's input becomes points (0..100, two decimals, half-up),
 * its contribution is weight x points (two decimals, half-up), and the score is the exact sum of the contributions,
 * so an explanation always adds up to the score it explains. Pure: the same model and inputs give the same score on
 * every machine and every run.
 */
public final class TierScoring {

	/** Decimals of points, contributions and scores. */
	public static final int SCALE = 2;

	static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private TierScoring() {
	}

	/** A client's score under a model, with the factor-by-factor explanation. */
	public record Scored(BigDecimal score, ValueTierCode tier, List<FactorResult> factors) {
	}

	public static Scored score(TierModel model, Map<ScoringInput, InputValue> inputs) {
		List<FactorResult> results = new ArrayList<>(model.factors().size());
		BigDecimal score = BigDecimal.ZERO.setScale(SCALE);
		for (ScoringFactor factor : model.factors()) {
			FactorResult result = factor(factor, inputs.get(factor.input()));
			results.add(result);
			score = score.add(result.contribution());
		}
		return new Scored(score, tierOf(model.thresholds(), score), List.copyOf(results));
	}

	/** A from {@code aFrom}, B from {@code bFrom}, C below. */
	public static ValueTierCode tierOf(TierThresholds thresholds, BigDecimal score) {
		if (score.compareTo(thresholds.aFrom()) >= 0) {
			return ValueTierCode.A;
		}
		return (score.compareTo(thresholds.bFrom()) >= 0) ? ValueTierCode.B : ValueTierCode.C;
	}

	static FactorResult factor(ScoringFactor factor, @Nullable InputValue value) {
		Normalisation normalisation = factor.normalisation();
		BigDecimal raw = (value != null) ? value.number() : null;
		String category = (value != null) ? value.category() : null;
		BigDecimal points = switch (normalisation.method()) {
			case BANDS -> (raw != null) ? bands(normalisation.bands(), raw) : null;
			case MIN_MAX -> (raw != null) ? minMax(normalisation, raw) : null;
			case PERCENTILE -> (raw != null) ? percentile(normalisation, raw) : null;
			case CATEGORY_POINTS -> (category != null) ? category(normalisation.categories(), category) : null;
		};
		boolean missing = points == null;
		BigDecimal normalised = (missing ? normalisation.missingPoints() : points).setScale(SCALE, RoundingMode.HALF_UP);
		BigDecimal contribution = factor.weight().multiply(normalised).setScale(SCALE, RoundingMode.HALF_UP);
		return new FactorResult(factor.key(), factor.input(), factor.input().group(), normalisation.method(),
				missing ? null : raw, missing ? null : category, normalised, factor.weight(), contribution, missing);
	}

	/** The points of the highest band whose lower bound the value reaches; 0 below the first band. */
	static BigDecimal bands(List<Band> bands, BigDecimal value) {
		BigDecimal points = BigDecimal.ZERO;
		for (Band band : bands) {
			if (value.compareTo(band.from()) < 0) {
				break;
			}
			points = band.points();
		}
		return points;
	}

	/** Linear from min (0) to max (100), clipped; a book where every client has the same value scores 100 at it. */
	static @Nullable BigDecimal minMax(Normalisation normalisation, BigDecimal value) {
		BigDecimal min = normalisation.min();
		BigDecimal max = normalisation.max();
		if (min == null || max == null) {
			return null;
		}
		BigDecimal share;
		if (max.compareTo(min) <= 0) {
			share = (value.compareTo(max) >= 0) ? BigDecimal.ONE : BigDecimal.ZERO;
		}
		else {
			share = value.subtract(min).divide(max.subtract(min), 8, RoundingMode.HALF_UP);
			share = share.max(BigDecimal.ZERO).min(BigDecimal.ONE);
		}
		return oriented(HUNDRED.multiply(share), normalisation.higherIsBetter());
	}

	/**
	 * The value's mid-rank among the book's 101 percentile cut points, as points: (cut points below + cut points at
	 * or below) / 2, over 101, times 100. Ties land in the middle of their run, so equal values score equally.
	 */
	static @Nullable BigDecimal percentile(Normalisation normalisation, BigDecimal value) {
		List<BigDecimal> cuts = normalisation.cutPoints();
		if (cuts.isEmpty()) {
			return null;
		}
		int below = 0;
		int atOrBelow = 0;
		for (BigDecimal cut : cuts) {
			int comparison = cut.compareTo(value);
			if (comparison < 0) {
				below++;
			}
			if (comparison <= 0) {
				atOrBelow++;
			}
		}
		BigDecimal rank = BigDecimal.valueOf(below + atOrBelow)
			.multiply(HUNDRED)
			.divide(BigDecimal.valueOf(2L * cuts.size()), 8, RoundingMode.HALF_UP);
		return oriented(rank, normalisation.higherIsBetter());
	}

	static @Nullable BigDecimal category(List<CategoryPoints> categories, String category) {
		for (CategoryPoints entry : categories) {
			if (entry.category().equals(category)) {
				return entry.points();
			}
		}
		return null;
	}

	private static BigDecimal oriented(BigDecimal points, boolean higherIsBetter) {
		return higherIsBetter ? points : HUNDRED.subtract(points);
	}

}
