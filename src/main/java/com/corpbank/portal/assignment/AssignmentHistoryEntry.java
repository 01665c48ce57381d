package com.corpbank.portal.assignment;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One assignment of a client, from the handover that made it: who serves it from {@code from} on, who served it
 * before, who changed it and why. Written through the outbox with the change's audit event, so history and client
 * never disagree. When it ended is not stored (the outbox only inserts): it is the next entry's {@code from}.
 *
 * @param previous the assignment it replaced; for a seeded client's first handover the only record of who served
 * it before
 * @param clientVersion the client's version after the change
 */
@Document("assignment_history")
public record AssignmentHistoryEntry(@Id String id, String clientId, String primaryManager, List<String> coManagers,
		AssignmentSnapshot previous, Instant from, String changedBy, String reason, long clientVersion) {

	public AssignmentHistoryEntry {
		coManagers = List.copyOf(coManagers);
	}

}
