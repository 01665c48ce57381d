package com.corpbank.portal.churn;

/** Where a churn alert stands; it only moves forward, in this order (see {@link ChurnAlertLifecycle}). */
public enum ChurnAlertStatus {
	/** 待处理: opened by an evaluation, nobody has taken it up yet. */
	OPEN,
	/** 已确认: someone responsible has seen it. */
	ACKNOWLEDGED,
	/** 已行动: something was done about it (the note says what). */
	ACTIONED,
	/** 已关闭: closed by a person, with a note; the next evaluation may open a new alert. */
	CLOSED;

	/** True when an alert in this status may move to {@code next}: forward only, steps may be skipped. */
	public boolean mayMoveTo(ChurnAlertStatus next) {
		return this != CLOSED && next.ordinal() > ordinal();
	}

}
