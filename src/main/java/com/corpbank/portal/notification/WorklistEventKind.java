package com.corpbank.portal.notification;

/** What a {@link WorklistEvent} says happened. */
public enum WorklistEventKind {
	/** 流失预警 a churn alert was opened on the client. */
	CHURN_ALERT_OPENED,
	/** 定期回访到期 the client's follow-up falls due today. */
	FOLLOW_UP_DUE,
	/** 投诉分派 a complaint about the client was assigned to an RM. */
	COMPLAINT_ASSIGNED
}
