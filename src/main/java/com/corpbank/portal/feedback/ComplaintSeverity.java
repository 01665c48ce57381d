package com.corpbank.portal.feedback;

/** How serious a complaint is; decides its SLA ({@link FeedbackProperties#sla}). */
public enum ComplaintSeverity {

	/** 低 */
	LOW,
	/** 中 */
	MEDIUM,
	/** 高 */
	HIGH,
	/** 紧急 */
	CRITICAL

}
