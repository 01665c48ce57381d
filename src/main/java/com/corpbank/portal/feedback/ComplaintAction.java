package com.corpbank.portal.feedback;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The steps of a complaint, each a mutation, with the statuses it may start from and the one it leads to. ASSIGN
 * keeps the status.
 */
public enum ComplaintAction {

	/** {@code assignComplaint}: a new assignee while the complaint is OPEN or IN_PROGRESS. */
	ASSIGN(Set.of(ComplaintStatus.OPEN, ComplaintStatus.IN_PROGRESS), null),
	/** {@code startComplaint}: OPEN → IN_PROGRESS. */
	START(Set.of(ComplaintStatus.OPEN), ComplaintStatus.IN_PROGRESS),
	/** {@code resolveComplaint}: IN_PROGRESS → RESOLVED, with the resolution. */
	RESOLVE(Set.of(ComplaintStatus.IN_PROGRESS), ComplaintStatus.RESOLVED),
	/** {@code closeComplaint}: RESOLVED → CLOSED. */
	CLOSE(Set.of(ComplaintStatus.RESOLVED), ComplaintStatus.CLOSED),
	/** {@code reopenComplaint}: RESOLVED or CLOSED → IN_PROGRESS, with the reason. */
	REOPEN(Set.of(ComplaintStatus.RESOLVED, ComplaintStatus.CLOSED), ComplaintStatus.IN_PROGRESS);

	private final Set<ComplaintStatus> from;

	/** The status after the step; null when the step keeps it. */
	private final @Nullable ComplaintStatus to;

	ComplaintAction(Set<ComplaintStatus> from, @Nullable ComplaintStatus to) {
		this.from = from;
		this.to = to;
	}

	public boolean allowedFrom(ComplaintStatus status) {
		return this.from.contains(status);
	}

	/** The status after this step taken from {@code status}. */
	public ComplaintStatus target(ComplaintStatus status) {
		return (this.to != null) ? this.to : status;
	}

	/** The statuses this step may start from, in lifecycle order. */
	public Set<ComplaintStatus> from() {
		return this.from;
	}

}
