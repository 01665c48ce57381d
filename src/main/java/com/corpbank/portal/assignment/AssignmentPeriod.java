package com.corpbank.portal.assignment;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * {@code AssignmentHistoryEntry} as GraphQL shows it: a stored entry plus when it ended.
 *
 * @param to when the next assignment replaced this one; null while it is the current one
 */
public record AssignmentPeriod(String id, String primaryManager, List<String> coManagers, Instant from,
		@Nullable Instant to, String changedBy, String reason, AssignmentSnapshot previous) {

	public AssignmentPeriod {
		coManagers = List.copyOf(coManagers);
	}

	static AssignmentPeriod of(AssignmentHistoryEntry entry, @Nullable Instant to) {
		return new AssignmentPeriod(entry.id(), entry.primaryManager(), entry.coManagers(), entry.from(), to,
				entry.changedBy(), entry.reason(), entry.previous());
	}

}
