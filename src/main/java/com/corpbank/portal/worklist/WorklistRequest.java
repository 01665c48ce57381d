package com.corpbank.portal.worklist;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import com.corpbank.portal.BankTime;
import com.corpbank.portal.access.ClientScope;
import org.jspecify.annotations.Nullable;

/**
 * What one worklist read asks every source for, checked: the clients (row scope), whose items, and the moment the
 * items are judged at (one instant for the whole read, so that every kind agrees on "overdue").
 *
 * @param scope the clients whose items are listed, as they are now (a handover moves the items at once)
 * @param followUpsDueFrom only follow-ups due from this RM (an RM's own worklist: a co-served client's follow-up is
 * its primary RM's); null for any
 * @param rmUsername only items for this RM (the follow-up's RM, else the client's primary RM); null for any
 * @param overdueOnly only items already overdue
 * @param now the instant of the read
 */
public record WorklistRequest(ClientScope scope, @Nullable String followUpsDueFrom, @Nullable String rmUsername,
		boolean overdueOnly, Instant now) {

	/** Today's Beijing date. */
	public LocalDate today() {
		return LocalDate.ofInstant(this.now, BankTime.ZONE);
	}

	/** Overdue: due now or before. */
	public boolean isOverdue(Instant dueAt) {
		return !dueAt.isAfter(this.now);
	}

	/** 0 when not overdue; else the day count since {@code dueAt}, the first (partial) day counting 1. */
	public int overdueDays(Instant dueAt) {
		if (!isOverdue(dueAt)) {
			return 0;
		}
		return (int) Math.min(Integer.MAX_VALUE, Duration.between(dueAt, this.now).toDays() + 1);
	}

	/** The start (Beijing) of a day, as an instant. */
	public static Instant startOf(LocalDate day) {
		return day.atStartOfDay(BankTime.ZONE).toInstant();
	}

	/** An item judged at this request's instant. */
	public WorklistItem item(WorklistKind kind, String sourceId, String clientId, String rmUsername, Instant dueAt,
			String title) {
		return new WorklistItem(kind.name() + ":" + sourceId, kind, sourceId, clientId, rmUsername, dueAt,
				isOverdue(dueAt), overdueDays(dueAt), title);
	}

}
