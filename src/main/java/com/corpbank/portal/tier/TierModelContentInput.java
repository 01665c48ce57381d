package com.corpbank.portal.tier;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** The content fields that {@link CreateTierModelInput} and {@link UpdateTierModelInput} share, checked alike. */
public interface TierModelContentInput {

	@Nullable String description();

	@Nullable LocalDate effectiveFrom();

	@Nullable List<ScoringFactorInput> factors();

	@Nullable TierThresholdsInput thresholds();

	@Nullable ClvParametersInput clv();

}
