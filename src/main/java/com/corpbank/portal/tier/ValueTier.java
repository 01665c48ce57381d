package com.corpbank.portal.tier;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The client's current value tier and its score (0-100), embedded in the client document for filtering and ordering. */
public record ValueTier(ValueTierCode tier, BigDecimal score, String modelVersion, LocalDate evaluatedOn) {
}
