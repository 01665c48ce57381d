package com.corpbank.portal.feedback;

/** How a satisfaction survey was answered. */
public enum SurveyChannel {

	/** 电话回访 a phone survey. */
	PHONE,
	/** 上门 in person, at a visit. */
	VISIT,
	/** 邮件 by email. */
	EMAIL,
	/** 线上问卷 an online questionnaire. */
	ONLINE,
	/** 纸质问卷 a paper form. */
	PAPER

}
