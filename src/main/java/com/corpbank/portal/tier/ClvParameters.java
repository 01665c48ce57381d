package com.corpbank.portal.tier;

import java.math.BigDecimal;

/**
 * The customer lifetime value estimate 客户终身价值 of a model: the yearly contribution (fee income over 12 months +
 * depositMargin x average deposits + loanMargin x loan balance), projected over {@code horizonYears}, kept with
 * probability {@code retentionRate} per year, and discounted at {@code discountRate}:
 * CLV = sum over t = 1..horizon of contribution x retention^t / (1 + discount)^t, in yuan with two decimals.
 */
public record ClvParameters(int horizonYears, BigDecimal retentionRate, BigDecimal discountRate,
		BigDecimal depositMargin, BigDecimal loanMargin) {
}
