package com.corpbank.portal.write;

/** Why a mutation did not happen; the schema's {@code UserErrorCode}. */
public enum UserErrorCode {

	/** The input breaks a rule (format, range, check digit, consistency). */
	VALIDATION,
	/** The entity does not exist or is outside the caller's scope (the two are never told apart). */
	NOT_FOUND,
	/** {@code expectedVersion} is stale: someone changed the entity since the caller read it. */
	CONFLICT,
	/** Another entity already holds this unique value (a USCC, a statement period). */
	DUPLICATE,
	/** The caller's roles or unit do not allow this change. */
	FORBIDDEN,
	/** A five-category class below the floor the overdue days impose. */
	FLOOR_VIOLATION,
	/** A lifecycle step the record's current status does not allow (e.g. closing an OPEN complaint). */
	INVALID_TRANSITION

}
