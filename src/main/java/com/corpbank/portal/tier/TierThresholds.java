package com.corpbank.portal.tier;

import java.math.BigDecimal;

/** Scores from {@code aFrom} are tier A, from {@code bFrom} tier B, below tier C; 0 < bFrom < aFrom <= 100. */
public record TierThresholds(BigDecimal aFrom, BigDecimal bFrom) {
}
