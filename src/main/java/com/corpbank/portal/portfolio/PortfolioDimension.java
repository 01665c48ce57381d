package com.corpbank.portal.portfolio;

/**
 * What the portfolio is grouped by (GraphQL enum {@code PortfolioDimension}); each names the client document's field
 * that holds the group key. {@link #TEAM} has no such field: it groups by the primary RM first and then by the team of
 * that RM's directory record, inside the same aggregation.
 */
public enum PortfolioDimension {

	TIER("valueTier.tier"),

	INDUSTRY_SECTION("industry.section"),

	REGION("region"),

	SIZE("size"),

	RATING("risk.rating"),

	FIVE_CATEGORY("risk.fiveCategory"),

	PRIMARY_RM("primaryManager"),

	TEAM("primaryManager");

	private final String path;

	PortfolioDimension(String path) {
		this.path = path;
	}

	/** The client document's field the first {@code $group} keys on. */
	String path() {
		return this.path;
	}

}
