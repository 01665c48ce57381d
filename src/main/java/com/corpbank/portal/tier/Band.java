package com.corpbank.portal.tier;

import java.math.BigDecimal;

/** A band of a {@link NormalisationMethod#BANDS} factor: values from {@code from} (inclusive) score {@code points}. */
public record Band(BigDecimal from, BigDecimal points) {
}
