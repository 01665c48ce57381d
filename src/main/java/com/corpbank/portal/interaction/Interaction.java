package com.corpbank.portal.interaction;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An interaction with a client 沟通记录, as stored.
 *
 * @param occurredAt when it took place
 * @param managers usernames of the client's RMs who took part
 * @param contactIds ids of the client's contacts who took part (personal data is read from the contact, masked
 * per the caller's view)
 * @param followUpOn 跟进日期, on or after the Beijing date of {@code occurredAt}
 * @param recordedBy username of the RM who recorded it, the only one who may correct it
 * @param recordedBySubject the recorder's Keycloak id: the author check (a renamed user stays the author)
 * @param correctedAt when it was last corrected; null when never
 * @param followUpApplied false from the insert until the client's follow-up has been moved on by it (then unset);
 * see {@link InteractionFollowUps}
 * @param version optimistic-locking version, moved on by every correction
 */
@Document("interactions")
public record Interaction(@Id String id, String clientId, InteractionChannel channel, Instant occurredAt,
		List<String> managers, List<String> contactIds, String summary, @Nullable String nextStep,
		@Nullable LocalDate followUpOn, Instant recordedAt, String recordedBy, String recordedBySubject,
		@Nullable Instant correctedAt, @Nullable String correctedBy, @Nullable Boolean followUpApplied,
		@Nullable @Version Long version) {

	/** The version the next correction expects. */
	long currentVersion() {
		return (this.version != null) ? this.version : 0;
	}

}
