package com.corpbank.portal.tier;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/** {@code ClvParametersInput}. */
public record ClvParametersInput(@Nullable Integer horizonYears, @Nullable BigDecimal retentionRate,
		@Nullable BigDecimal discountRate, @Nullable BigDecimal depositMargin, @Nullable BigDecimal loanMargin) {
}
