package com.corpbank.portal.tier;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/** {@code BandInput}: a band of a BANDS factor. */
public record BandInput(@Nullable BigDecimal from, @Nullable BigDecimal points) {
}
