package com.corpbank.portal.audit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.UnaryOperator;

import com.corpbank.portal.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One audited change or personal-data reveal: who, when, what, before and after, why, in which request. Written
 * once, never updated or deleted.
 *
 * @param actor the caller's username at the time
 * @param actorSubject the caller's Keycloak user id (stable when the user is renamed)
 * @param operation the mutation, e.g. {@code updateClient}
 * @param entityType the GraphQL type changed, e.g. {@code Client}
 * @param entityVersion the entity's version after the change; null for events that change nothing (a reveal)
 * @param clientId the client the entity belongs to (the client itself for a Client), so that an auditor finds
 * every event about a client, its contacts, statements and metrics included
 */
@Document("audit_events")
public record AuditEvent(@Id String id, Instant at, String actor, String actorSubject, List<Role> actorRoles,
		String operation, String entityType, String entityId, @Nullable Long entityVersion, @Nullable String clientId,
		List<FieldChange> changes, @Nullable String reason, String requestId) {

	public AuditEvent {
		actorRoles = List.copyOf(actorRoles);
		changes = List.copyOf(changes);
	}

	public static Builder by(Actor actor, Instant at, String operation) {
		return new Builder(actor, at, operation);
	}

	/** Collects the changed fields; unchanged ones are left out. */
	public static final class Builder {

		private final Actor actor;

		private final Instant at;

		private final String operation;

		private final List<FieldChange> changes = new ArrayList<>();

		private @Nullable String reason;

		private Builder(Actor actor, Instant at, String operation) {
			this.actor = actor;
			this.at = at;
			this.operation = operation;
		}

		public Builder reason(@Nullable String reason) {
			this.reason = reason;
			return this;
		}

		/** Records the field when before and after differ (decimals compared by value: 1.0 equals 1.00). */
		public Builder change(String field, @Nullable Object before, @Nullable Object after) {
			String beforeText = text(before);
			String afterText = text(after);
			if (!Objects.equals(beforeText, afterText)) {
				this.changes.add(new FieldChange(field, beforeText, afterText));
			}
			return this;
		}

		/** Records a personal-data field masked: the trail proves the change without holding the data. */
		public Builder maskedChange(String field, @Nullable String before, @Nullable String after,
				UnaryOperator<String> mask) {
			if (!Objects.equals(before, after)) {
				this.changes.add(new FieldChange(field, (before != null) ? mask.apply(before) : null,
						(after != null) ? mask.apply(after) : null));
			}
			return this;
		}

		public boolean hasChanges() {
			return !this.changes.isEmpty();
		}

		/**
		 * An event about a client itself.
		 * @param entityVersion the version the client has once the change is written
		 */
		public AuditEvent aboutClient(String clientId, @Nullable Long entityVersion) {
			return about("Client", clientId, entityVersion, clientId);
		}

		/**
		 * An event about a record that belongs to no client (configuration such as a tier model).
		 * @param entityVersion the version the entity has once the change is written
		 */
		public AuditEvent about(String entityType, String entityId, @Nullable Long entityVersion) {
			return new AuditEvent(UUID.randomUUID().toString(), this.at, this.actor.caller().username(),
					this.actor.caller().subject(), this.actor.caller().roles().stream().sorted().toList(),
					this.operation, entityType, entityId, entityVersion, null, this.changes, this.reason,
					this.actor.requestId());
		}

		/**
		 * @param entityVersion the version the entity has once the change is written
		 * @param clientId the client the entity belongs to
		 */
		public AuditEvent about(String entityType, String entityId, @Nullable Long entityVersion, String clientId) {
			return new AuditEvent(UUID.randomUUID().toString(), this.at, this.actor.caller().username(),
					this.actor.caller().subject(), this.actor.caller().roles().stream().sorted().toList(),
					this.operation, entityType, entityId, entityVersion, clientId, this.changes, this.reason,
					this.actor.requestId());
		}

		private static @Nullable String text(@Nullable Object value) {
			if (value == null) {
				return null;
			}
			if (value instanceof BigDecimal decimal) {
				return decimal.stripTrailingZeros().toPlainString();
			}
			if (value instanceof Enum<?> constant) {
				return constant.name();
			}
			return value.toString();
		}

	}

}
