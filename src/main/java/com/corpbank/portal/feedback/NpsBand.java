package com.corpbank.portal.feedback;

/** Where an NPS answer falls: the NPS score is the share of promoters minus the share of detractors. */
public enum NpsBand {

	/** 0 to 6. */
	DETRACTOR,
	/** 7 or 8. */
	PASSIVE,
	/** 9 or 10. */
	PROMOTER;

	public static NpsBand of(int score) {
		return (score >= 9) ? PROMOTER : (score >= 7) ? PASSIVE : DETRACTOR;
	}

}
