package com.corpbank.portal.feedback;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A complaint 投诉 by a client, as stored (collection {@code complaints}).
 *
 * @param id "CP-" and a UUID
 * @param assignee username of the RM handling it: the client's primary RM when raised unless another of its RMs was
 * named; moved by {@code assignComplaint}
 * @param slaDueAt {@code raisedAt} plus the severity's SLA ({@code portal.feedback.sla})
 * @param resolution the latest resolution note; null before the first resolution
 * @param transitions every step, the raising first
 * @param version optimistic-locking version, 0 when raised
 */
@Document("complaints")
public record Complaint(@Id String id, String clientId, ComplaintCategory category, ComplaintSeverity severity,
		ComplaintStatus status, String summary, String assignee, Instant raisedAt, String raisedBy, Instant slaDueAt,
		@Nullable String resolution, @Nullable Instant resolvedAt, @Nullable Instant closedAt,
		List<ComplaintTransition> transitions, long version) {

	public Complaint {
		transitions = List.copyOf(transitions);
	}

	/** Open and past its SLA due time at {@code now}. */
	public boolean overdueAt(Instant now) {
		return this.status.isOpen() && this.slaDueAt.isBefore(now);
	}

}
