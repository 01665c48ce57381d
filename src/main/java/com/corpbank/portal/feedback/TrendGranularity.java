package com.corpbank.portal.feedback;

/** The periods a satisfaction trend is cut into (Beijing calendar). */
public enum TrendGranularity {

	/** Calendar months, "2026-11". */
	MONTH,
	/** Calendar quarters, "2026-Q4". */
	QUARTER

}
