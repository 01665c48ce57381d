package com.corpbank.portal.tier;

/** Where a scoring model is in its life: drafts are edited, one model is active, activated models retire. */
public enum TierModelStatus {
	DRAFT, ACTIVE, RETIRED
}
