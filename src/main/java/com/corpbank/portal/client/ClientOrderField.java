package com.corpbank.portal.client;

/** What the client list can be ordered by; ties are broken by id. */
public enum ClientOrderField {

	NAME("name"), TIER_SCORE("valueTier.score");

	private final String path;

	ClientOrderField(String path) {
		this.path = path;
	}

	/** The document path sorted on. */
	String path() {
		return this.path;
	}

}
