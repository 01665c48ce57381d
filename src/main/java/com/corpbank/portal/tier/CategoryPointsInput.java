package com.corpbank.portal.tier;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/** {@code CategoryPointsInput}: the points of one category of a CATEGORY_POINTS factor. */
public record CategoryPointsInput(@Nullable String category, @Nullable BigDecimal points) {
}
