package com.corpbank.portal.interaction;

/** How an interaction took place 沟通方式. */
public enum InteractionChannel {

	/** 上门拜访 a visit. */
	VISIT,
	/** 电话 a phone call. */
	PHONE,
	/** 邮件 an email exchange. */
	EMAIL,
	/** 会议 a meeting. */
	MEETING,
	/** 活动 an event (seminar, client event). */
	EVENT

}
