package com.corpbank.portal.tier;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/** {@code TierThresholdsInput}. */
public record TierThresholdsInput(@Nullable BigDecimal aFrom, @Nullable BigDecimal bFrom) {
}
