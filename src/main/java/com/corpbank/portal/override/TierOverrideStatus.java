package com.corpbank.portal.override;

/**
 * Where an override is in its maker-checker life. PROPOSED moves once, to APPROVED, REJECTED or WITHDRAWN; those
 * are final. An APPROVED override past its expiry date is expired: derived from the date, never stored.
 */
public enum TierOverrideStatus {

	/** Waiting for a checker. */
	PROPOSED,
	/** A checker approved it: it replaces the model's tier until its expiry date. */
	APPROVED,
	/** A checker refused it. */
	REJECTED,
	/** The maker took it back before a decision. */
	WITHDRAWN

}
