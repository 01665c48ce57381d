package com.corpbank.portal.interaction;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import com.corpbank.portal.BankTime;
import com.corpbank.portal.audit.Actor;
import com.corpbank.portal.audit.AuditEvent;
import com.corpbank.portal.audit.AuditedWrites;
import com.corpbank.portal.audit.RecoverySweep;
import com.corpbank.portal.client.Client;
import com.corpbank.portal.client.ClientsInScope;
import com.corpbank.portal.client.FollowUp;
import com.corpbank.portal.followup.FollowUpSchedule;
import com.corpbank.portal.security.Caller;
import com.corpbank.portal.write.MutationRejected;
import com.corpbank.portal.write.UserErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * A recorded interaction completes the client's due follow-up and schedules the next ({@link FollowUpSchedule}):
 * the second document a {@code recordInteraction} changes. A correction of its date or planned date reschedules the
 * follow-up the same way (operation {@code correctInteraction}).
 *
 * <p>Crash safety without transactions, as {@code financials.ClientSizing} does it for a statement's client size: the
 * interaction is inserted with {@code followUpApplied: false}; the client's follow-up is then written (one audited
 * client write, its own event, entity {@code Client}, operation {@code recordInteraction}) and only after that the
 * marker is unset. A crash in between leaves the marker; {@link #sweep} (at start-up, before the server listens, and on
 * the audit sweep's schedule) applies it again. Applying is idempotent: the client's follow-up names the interaction
 * that completed it, and an interaction older than the contact the schedule counts from changes nothing.
 */
@Component
public class InteractionFollowUps implements RecoverySweep {

	/** The caller a repair by the sweep is recorded under: no user made it. */
	static final Caller SWEEP = new Caller("system", "system:follow-up-sweep", "Follow-up sweep", Set.of(), null);

	/** Concurrent client writes can make the client write conflict; re-reading and retrying converges quickly. */
	private static final int ATTEMPTS = 5;

	private static final Logger log = LoggerFactory.getLogger(InteractionFollowUps.class);

	private final MongoTemplate mongoTemplate;

	private final AuditedWrites writes;

	private final FollowUpSchedule schedule;

	private final Clock clock;

	InteractionFollowUps(MongoTemplate mongoTemplate, AuditedWrites writes, FollowUpSchedule schedule, Clock clock) {
		this.mongoTemplate = mongoTemplate;
		this.writes = writes;
		this.schedule = schedule;
		this.clock = clock;
	}

	/** {@link #apply}, but a failure only leaves the marker for the sweep: the interaction is recorded either way. */
	void applySafely(Interaction interaction, Actor actor) {
		try {
			apply(interaction, actor);
		}
		catch (RuntimeException ex) {
			log.warn("Follow-up of client {} after interaction {} left to the sweep: {}", interaction.clientId(),
					interaction.id(), ex.toString());
		}
	}

	/** Moves the client's follow-up on by the interaction (when it changes anything), then clears the marker. */
	void apply(Interaction interaction, Actor actor) {
		for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
			if (applied(interaction, actor)) {
				// By collection name, not entity class: Spring Data would move the @Version on, and the version
				// recordInteraction answered would be stale for the author's first correction.
				this.mongoTemplate.updateFirst(new Query(Criteria.where("_id").is(interaction.id())),
						new Update().unset("followUpApplied"), this.mongoTemplate.getCollectionName(Interaction.class));
				return;
			}
		}
		log.warn("Follow-up of client {} still conflicting after {} attempts", interaction.clientId(), ATTEMPTS);
	}

	/** Applies every pending marker; returns how many interactions it finished. */
	@Override
	public int sweep() {
		Actor sweep = new Actor(SWEEP, "sweep-" + UUID.randomUUID());
		int finished = 0;
		for (Interaction interaction : this.mongoTemplate
			.find(new Query(Criteria.where("followUpApplied").is(false)), Interaction.class)) {
			apply(interaction, sweep);
			finished++;
		}
		return finished;
	}

	@Override
	public String finishes() {
		return "follow-ups after interactions";
	}

	/** True when the client's follow-up is right (now or already); false when its version moved under us. */
	private boolean applied(Interaction interaction, Actor actor) {
		Client client = this.mongoTemplate.findById(interaction.clientId(), Client.class);
		if (client == null) {
			return true;
		}
		LocalDate occurredOn = interaction.occurredAt().atZone(BankTime.ZONE).toLocalDate();
		FollowUp before = client.followUp();
		FollowUp next = this.schedule.onInteraction(before, client.primaryManager(),
				(client.valueTier() != null) ? client.valueTier().tier() : null, interaction.id(), occurredOn,
				interaction.followUpOn());
		if (next == null) {
			return true;
		}
		long version = (client.version() != null) ? client.version() : 0;
		boolean correction = interaction.correctedAt() != null;
		AuditEvent event = AuditEvent.by(actor, this.clock.instant(),
				correction ? "correctInteraction" : "recordInteraction")
			.reason((correction ? "Follow-up rescheduled by the corrected interaction " + interaction.id()
					: "Follow-up completed by interaction " + interaction.id() + " and the next scheduled")
					+ " by the " + next.tier() + " cadence"
					+ ((actor.caller() == SWEEP) ? ", repaired by the sweep." : "."))
			.change("followUp.dueOn", (before != null) ? before.dueOn() : null, next.dueOn())
			.change("followUp.rmUsername", (before != null) ? before.rmUsername() : null, next.rmUsername())
			.change("followUp.scheduledFrom", (before != null) ? before.scheduledFrom() : null, next.scheduledFrom())
			.change("followUp.tier", (before != null) ? before.tier() : null, next.tier())
			.change("followUp.lastInteractionId", (before != null) ? before.lastInteractionId() : null,
					next.lastInteractionId())
			.aboutClient(client.id(), version + 1);
		try {
			this.writes.update(Client.class, Criteria.where("_id").is(client.id()), version,
					new Update().set("followUp", next), ClientsInScope.TARGET, event);
			return true;
		}
		catch (MutationRejected rejected) {
			return rejected.errors().stream().noneMatch(error -> error.code() == UserErrorCode.CONFLICT);
		}
	}

}
