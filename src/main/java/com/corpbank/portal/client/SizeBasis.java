package com.corpbank.portal.client;

/**
 * Why the client has its enterprise size: the 划型标准 category and rule that decided it, and the statement period
 * whose figures it used.
 *
 * @param category the table's industry category, e.g. {@code INDUSTRY}
 * @param rule the row that matched, in the table's own words, e.g. "medium: X>=300 & Y>=2000"
 * @param period the statement period the figures came from, e.g. "2025"
 */
public record SizeBasis(String category, String rule, String period) {
}
