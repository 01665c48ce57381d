package com.corpbank.portal.worklist;

import java.time.Instant;

/**
 * One thing an RM must act on ({@code WorklistItem}).
 *
 * @param id the kind and the source id, unique across kinds, e.g. {@code CHURN_ALERT:CA-20261120-3f9a}
 * @param sourceId the complaint's, churn alert's or tier override's id; for a follow-up, the client's id
 * @param rmUsername the RM the item is for: the follow-up's RM, else the client's primary RM
 * @param dueAt the instant the item turns overdue, the urgency order's key
 * @param overdue {@code dueAt} is now or past
 * @param overdueDays 0 when not overdue, else the day count since {@code dueAt}, the day it fell due counting 1
 * @param title one line, Chinese then English, saying what is due
 */
public record WorklistItem(String id, WorklistKind kind, String sourceId, String clientId, String rmUsername,
		Instant dueAt, boolean overdue, int overdueDays, String title) {

	/** The urgency position of this item, which its cursor carries. */
	UrgencyPosition position() {
		return new UrgencyPosition(this.dueAt, this.kind, this.sourceId);
	}

}
