package com.corpbank.portal.quality;

/** A data quality problem of a client (see {@link DataQualityConditions} for each rule as the store evaluates it). */
public enum DataQualityProblem {

	/** No financial statement of any period on file. */
	MISSING_STATEMENTS,

	/** Statements on file, but no annual statement for the required fiscal year or a later one. */
	STALE_STATEMENTS,

	/** The USCC fails its structure or check characters (GB 32100; accepted earlier by an override). */
	FAILED_USCC_CHECK,

	/** No listed (not removed) contact person. */
	MISSING_CONTACTS,

	/** No risk rating (no credit rating and five-category class on the client). */
	UNRATED;

	/** The field of the counting pipeline that holds 1 when a client has this problem. */
	String flagField() {
		return switch (this) {
			case MISSING_STATEMENTS -> "missingStatements";
			case STALE_STATEMENTS -> "staleStatements";
			case FAILED_USCC_CHECK -> "failedUsccCheck";
			case MISSING_CONTACTS -> "missingContacts";
			case UNRATED -> "unrated";
		};
	}

}
