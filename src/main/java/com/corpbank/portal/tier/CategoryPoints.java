package com.corpbank.portal.tier;

import java.math.BigDecimal;

/** The points of one category of a {@link NormalisationMethod#CATEGORY_POINTS} factor. */
public record CategoryPoints(String category, BigDecimal points) {
}
