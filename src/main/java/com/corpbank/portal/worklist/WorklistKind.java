package com.corpbank.portal.worklist;

/**
 * The kinds of worklist items, in their rank: when two items fall due at the same instant, the lower rank comes
 * first (a client's complaint before a churn alert, before a follow-up, before an override's expiry).
 */
public enum WorklistKind {

	/** 投诉: an open complaint (OPEN or IN_PROGRESS), due at its SLA. */
	COMPLAINT,
	/** 流失预警: a churn alert not yet CLOSED, due its response time after it opened. */
	CHURN_ALERT,
	/** 定期回访: the client's next follow-up, from the day after its due date on overdue. */
	FOLLOW_UP,
	/** 分层调整到期: an approved tier override that expires soon, due when it stops applying. */
	TIER_OVERRIDE_EXPIRY;

	/** The tie-breaker after the due instant: lower first. */
	public int rank() {
		return ordinal();
	}

}
