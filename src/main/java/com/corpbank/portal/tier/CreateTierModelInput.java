package com.corpbank.portal.tier;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** {@code CreateTierModelInput}: every field is checked by {@link TierModelValidation}. */
public record CreateTierModelInput(@Nullable String version, @Nullable String description,
		@Nullable LocalDate effectiveFrom, @Nullable List<ScoringFactorInput> factors,
		@Nullable TierThresholdsInput thresholds, @Nullable ClvParametersInput clv) implements TierModelContentInput {
}
