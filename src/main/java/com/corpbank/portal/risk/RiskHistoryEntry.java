package com.corpbank.portal.risk;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One change of a client's risk grades: the grades set, the ones they replaced, who, when and why. Written through
 * the outbox together with the change's audit event, so history and client never disagree.
 *
 * @param previous the grades before; null for the client's first rating
 * @param clientVersion the client's version after the change
 */
@Document("risk_history")
public record RiskHistoryEntry(@Id String id, String clientId, RiskGrade grade, @Nullable RiskGrade previous,
		Instant changedAt, String changedBy, String reason, long clientVersion) {
}
