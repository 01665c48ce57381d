package com.corpbank.portal.feedback;

import java.util.Set;

/** Where a complaint stands: OPEN → IN_PROGRESS → RESOLVED → CLOSED, and reopened to IN_PROGRESS. */
public enum ComplaintStatus {

	/** 待处理 raised, nobody has started on it. */
	OPEN,
	/** 处理中 being worked on. */
	IN_PROGRESS,
	/** 已解决 resolved, with a resolution note. */
	RESOLVED,
	/** 已关闭 closed. */
	CLOSED;

	/** The statuses of a complaint still to be worked: the worklist's and the churn signal's. */
	public static final Set<ComplaintStatus> OPEN_STATUSES = Set.of(OPEN, IN_PROGRESS);

	public boolean isOpen() {
		return OPEN_STATUSES.contains(this);
	}

}
