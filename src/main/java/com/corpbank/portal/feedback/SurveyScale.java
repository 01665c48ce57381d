package com.corpbank.portal.feedback;

/** The scale a satisfaction score is on. */
public enum SurveyScale {

	/** 五分制 1 (very dissatisfied) to 5 (very satisfied). */
	FIVE_POINT(1, 5),
	/** 净推荐值 0 to 10: 9-10 promoters, 7-8 passives, 0-6 detractors. */
	NPS(0, 10);

	private final int min;

	private final int max;

	SurveyScale(int min, int max) {
		this.min = min;
		this.max = max;
	}

	public int min() {
		return this.min;
	}

	public int max() {
		return this.max;
	}

}
