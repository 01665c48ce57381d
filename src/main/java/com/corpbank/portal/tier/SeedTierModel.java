package com.corpbank.portal.tier;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Map;

/**
 * The seed value-tier model 价值分层 ({@value #VERSION}): a score from 0 to 100 with two decimals, and the tier it
 * places a client in. The demo book is tiered with it, and the tiering engine starts from it.
 *
 * <p>Score = 45% revenue scale + 25% profitability + 30% lifecycle stage:
 * <ul>
 * <li>scale: 20 points per decade of revenue above 100 thousand yuan, i.e. (log10(revenue) - 5) * 20, within 0..100
 * (10 billion yuan and more scores 100);</li>
 * <li>profitability: net margin from -5% (0) to 15% (100), linear, within 0..100;</li>
 * <li>lifecycle: MATURE 100, NEW 80, PROSPECT 50, DORMANT 40, AT_RISK 30, CHURNED 0.</li>
 * </ul>
 * Tier A from 80, B from 60, C below. Rounding to two decimals (half up) leaves a few exact ties between clients,
 * which keyset paging must handle.
 *
 * <p>The lifecycle stage comes in by its name, not as the client feature's enum: the weights are part of this
 * model and live here, while {@code tier} stays below {@code client} (the client document embeds a
 * {@link ValueTier}), so importing the enum would make the two packages depend on each other.
 */
public final class SeedTierModel {

	/** The model version stored with every tier it produces. */
	public static final String VERSION = "seed-2026.1";

	/** The lowest score of tier A. */
	public static final BigDecimal TIER_A_FROM = BigDecimal.valueOf(80);

	/** The lowest score of tier B. */
	public static final BigDecimal TIER_B_FROM = BigDecimal.valueOf(60);

	private static final BigDecimal SCALE_WEIGHT = new BigDecimal("0.45");

	private static final BigDecimal PROFITABILITY_WEIGHT = new BigDecimal("0.25");

	private static final BigDecimal LIFECYCLE_WEIGHT = new BigDecimal("0.30");

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	// Net margin -5% scores 0, 15% scores 100: (margin + 0.05) / 0.20 of the range.
	private static final BigDecimal MARGIN_FLOOR = new BigDecimal("0.05");

	private static final BigDecimal MARGIN_SPAN = new BigDecimal("0.20");

	/** Points per lifecycle stage name (the client feature's {@code LifecycleStage}). */
	static final Map<String, Integer> LIFECYCLE_POINTS = Map.of("MATURE", 100, "NEW", 80, "PROSPECT", 50,
			"DORMANT", 40, "AT_RISK", 30, "CHURNED", 0);

	private SeedTierModel() {
	}

	/**
	 * @param revenueYuan the latest annual revenue 营业收入, in yuan (below 1 counts as 1)
	 * @param netMargin net profit / revenue of the same period, e.g. 0.08 for 8%
	 * @param lifecycleStage the name of the client's lifecycle stage, e.g. {@code "MATURE"}
	 * @return the score, 0.00 to 100.00
	 * @throws IllegalArgumentException for a lifecycle stage the model does not know
	 */
	public static BigDecimal score(BigDecimal revenueYuan, BigDecimal netMargin, String lifecycleStage) {
		return SCALE_WEIGHT.multiply(scalePoints(revenueYuan))
			.add(PROFITABILITY_WEIGHT.multiply(profitabilityPoints(netMargin)))
			.add(LIFECYCLE_WEIGHT.multiply(BigDecimal.valueOf(lifecyclePoints(lifecycleStage))))
			.setScale(2, RoundingMode.HALF_UP);
	}

	/** The tier of a score: A from {@link #TIER_A_FROM}, B from {@link #TIER_B_FROM}, C below. */
	public static ValueTierCode tierOf(BigDecimal score) {
		if (score.compareTo(TIER_A_FROM) >= 0) {
			return ValueTierCode.A;
		}
		return (score.compareTo(TIER_B_FROM) >= 0) ? ValueTierCode.B : ValueTierCode.C;
	}

	/** The score and tier together, as a client stores them. */
	public static ValueTier evaluate(BigDecimal revenueYuan, BigDecimal netMargin, String lifecycleStage,
			LocalDate evaluatedOn) {
		BigDecimal score = score(revenueYuan, netMargin, lifecycleStage);
		return new ValueTier(tierOf(score), score, VERSION, evaluatedOn);
	}

	/** The lifecycle factor's points, 0..100. */
	public static int lifecyclePoints(String lifecycleStage) {
		Integer points = LIFECYCLE_POINTS.get(lifecycleStage);
		if (points == null) {
			throw new IllegalArgumentException("the seed tier model has no weight for lifecycle stage " + lifecycleStage);
		}
		return points;
	}

	// A logarithm has no exact decimal value: it is taken in double (StrictMath, the same on every machine) and
	// enters the decimal sum once, as the shortest decimal that represents it.
	private static BigDecimal scalePoints(BigDecimal revenueYuan) {
		double revenue = Math.max(1, revenueYuan.doubleValue());
		double points = (StrictMath.log10(revenue) - 5) * 20;
		return BigDecimal.valueOf(Math.max(0, Math.min(100, points)));
	}

	private static BigDecimal profitabilityPoints(BigDecimal netMargin) {
		BigDecimal share = netMargin.add(MARGIN_FLOOR).divide(MARGIN_SPAN);
		return HUNDRED.multiply(share.max(BigDecimal.ZERO).min(BigDecimal.ONE));
	}

}
