package com.corpbank.portal.tier;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** {@code UpdateTierModelInput}: a draft's whole new content, checked as for {@link CreateTierModelInput}. */
public record UpdateTierModelInput(@Nullable String version, @Nullable Integer expectedVersion,
		@Nullable String description, @Nullable LocalDate effectiveFrom, @Nullable List<ScoringFactorInput> factors,
		@Nullable TierThresholdsInput thresholds, @Nullable ClvParametersInput clv) implements TierModelContentInput {
}
