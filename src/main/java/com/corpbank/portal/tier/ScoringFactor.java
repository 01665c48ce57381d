package com.corpbank.portal.tier;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * One factor of a scoring model: what it reads, how it normalises it, and its weight (the weights of a model sum to
 * exactly 1). Its contribution to the score is weight x points, rounded to two decimals.
 *
 * @param key the factor's name in the model, unique within it, e.g. {@code "revenue_scale"}
 */
public record ScoringFactor(String key, ScoringInput input, Normalisation normalisation, BigDecimal weight,
		@Nullable String description) {
}
