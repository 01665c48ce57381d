package com.corpbank.portal.quality;

/**
 * How many clients have each problem; a client may have several.
 *
 * @param clients every client counted (with or without a problem)
 */
public record DataQualityCounts(long clients, long missingStatements, long staleStatements, long failedUsccCheck,
		long missingContacts, long unrated) {

	static final DataQualityCounts NONE = new DataQualityCounts(0, 0, 0, 0, 0, 0);

	DataQualityCounts plus(DataQualityCounts other) {
		return new DataQualityCounts(this.clients + other.clients, this.missingStatements + other.missingStatements,
				this.staleStatements + other.staleStatements, this.failedUsccCheck + other.failedUsccCheck,
				this.missingContacts + other.missingContacts, this.unrated + other.unrated);
	}

	/** The count of one problem. */
	public long of(DataQualityProblem problem) {
		return switch (problem) {
			case MISSING_STATEMENTS -> this.missingStatements;
			case STALE_STATEMENTS -> this.staleStatements;
			case FAILED_USCC_CHECK -> this.failedUsccCheck;
			case MISSING_CONTACTS -> this.missingContacts;
			case UNRATED -> this.unrated;
		};
	}

}
