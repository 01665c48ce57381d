package com.corpbank.portal.tier;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * One factor's part of a score, as the explanation shows it: contribution = weight x points, rounded half-up to two
 * decimals; the score is the exact sum of the contributions.
 *
 * @param rawValue the numeric input; null for a categorical or missing one
 * @param rawCategory the categorical input; null for a numeric or missing one
 * @param points the normalised value, 0..100 with two decimals (the model's missing points when missing)
 * @param missing whether the client had no value for the input
 */
public record FactorResult(String key, ScoringInput input, FactorGroup group, NormalisationMethod method,
		@Nullable BigDecimal rawValue, @Nullable String rawCategory, BigDecimal points, BigDecimal weight,
		BigDecimal contribution, boolean missing) {
}
