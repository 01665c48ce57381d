package com.corpbank.portal.tier;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * {@code ScoringFactorInput}: {@code input} and {@code method} are names, not enums, so that an unknown one is a
 * payload error with its path rather than a GraphQL error for the whole request.
 */
public record ScoringFactorInput(@Nullable String key, @Nullable String input, @Nullable String method,
		@Nullable List<BandInput> bands, @Nullable List<CategoryPointsInput> categories,
		@Nullable Boolean higherIsBetter, @Nullable BigDecimal missingPoints, @Nullable BigDecimal weight,
		@Nullable String description) {
}
