package com.corpbank.portal.override;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.corpbank.portal.audit.Actor;
import com.corpbank.portal.audit.AuditEvent;
import com.corpbank.portal.audit.AuditedWrites;
import com.corpbank.portal.audit.WriteTarget;
import com.corpbank.portal.client.ClientsInScope;
import com.corpbank.portal.security.Caller;
import com.corpbank.portal.write.InputCheck;
import com.corpbank.portal.write.MutationRejected;
import com.corpbank.portal.write.UserError;
import com.corpbank.portal.write.UserErrorCode;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The maker-checker workflow of tier overrides: propose (maker), approve or reject (checker, never the maker),
 * withdraw (maker). Each step checks its input, finds the override or client within the caller's scope for the
 * operation (out of scope reads as missing), and writes once through {@link AuditedWrites}: the override and its
 * audit event together. A decision then publishes {@link TierOverrideDecided}.
 */
@Service
public class TierOverrideWorkflow {

	static final String PROPOSE = "proposeTierOverride";

	static final String APPROVE = "approveTierOverride";

	static final String REJECT = "rejectTierOverride";

	static final String WITHDRAW = "withdrawTierOverride";

	static final String ENTITY_TYPE = "TierOverride";

	/** The furthest expiry date a proposal may set, in days after today. */
	static final int MAX_DAYS_AHEAD = 365;

	static final WriteTarget OVERRIDE = WriteTarget.of("tier override", "overrideId");

	private static final Logger log = LoggerFactory.getLogger(TierOverrideWorkflow.class);

	private final MongoTemplate mongoTemplate;

	private final ClientsInScope clients;

	private final AuditedWrites writes;

	private final TierOverrides overrides;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	TierOverrideWorkflow(MongoTemplate mongoTemplate, ClientsInScope clients, AuditedWrites writes,
			TierOverrides overrides, ApplicationEventPublisher events, Clock clock) {
		this.mongoTemplate = mongoTemplate;
		this.clients = clients;
		this.writes = writes;
		this.overrides = overrides;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * A new PROPOSED override. The client's newest override decides whether one is open; the new one takes the next
	 * number, and the unique (client, number) index refuses the second of two proposals that raced past that check.
	 */
	public TierOverride propose(Actor actor, ProposeTierOverrideInput input) {
		LocalDate today = this.overrides.today();
		InputCheck check = InputCheck.of("input");
		String clientId = check.id("clientId", input.clientId());
		if (input.tier() == null) {
			check.reject("tier", "tier is required.");
		}
		String reason = check.reason(input.reason());
		LocalDate expiresOn = input.expiresOn();
		if (expiresOn == null) {
			check.reject("expiresOn", "expiresOn is required.");
		}
		else if (!expiresOn.isAfter(today) || expiresOn.isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
			check.reject("expiresOn", "expiresOn must be after today (" + today + ") and at most " + MAX_DAYS_AHEAD
					+ " days ahead (" + today.plusDays(MAX_DAYS_AHEAD) + ").");
		}
		check.throwIfInvalid();

		this.clients.requireExists(actor.caller(), PROPOSE, clientId);
		TierOverride newest = this.overrides.newestOf(clientId);
		if (newest != null && newest.isOpenOn(today)) {
			throw openAlready(newest);
		}
		Instant now = this.clock.instant();
		TierOverride proposed = new TierOverride(UUID.randomUUID().toString(), clientId,
				(newest != null) ? newest.sequence() + 1 : 1, input.tier(), reason, expiresOn,
				TierOverrideStatus.PROPOSED, actor.caller().username(), actor.caller().subject(), now, null, null, null,
				0L);
		AuditEvent event = AuditEvent.by(actor, now, PROPOSE)
			.reason(reason)
			.change("status", null, TierOverrideStatus.PROPOSED)
			.change("tier", null, proposed.tier())
			.change("expiresOn", null, expiresOn)
			.about(ENTITY_TYPE, proposed.id(), 0L, clientId);
		try {
			return this.writes.insert(proposed, event);
		}
		catch (DuplicateKeyException ex) {
			// Another proposal for this client took the number first: it is the open one.
			TierOverride winner = this.overrides.newestOf(clientId);
			if (winner != null && winner.isOpenOn(today)) {
				throw openAlready(winner);
			}
			throw new MutationRejected(UserError.of(UserErrorCode.CONFLICT, List.of("input", "clientId"),
					"Another override of this client was written at the same time: read its overrides and retry."));
		}
	}

	/** The checker approves a PROPOSED override whose expiry date is still ahead. */
	public TierOverride approve(Actor actor, ApproveTierOverrideInput input) {
		InputCheck check = InputCheck.of("input");
		String overrideId = check.id("overrideId", input.overrideId());
		long expectedVersion = check.expectedVersion(input.expectedVersion());
		String note = check.optionalText("note", input.note(), InputCheck.MAX_REASON_LENGTH);
		check.throwIfInvalid();

		TierOverride current = inScope(actor.caller(), APPROVE, overrideId);
		requireChecker(actor.caller(), current, "approve");
		requireProposed(current, "approved");
		requireVersion(current, expectedVersion);
		LocalDate today = this.overrides.today();
		if (!today.isBefore(current.expiresOn())) {
			throw new MutationRejected(UserError.of(UserErrorCode.VALIDATION, OVERRIDE.idField(),
					"This proposal's expiry date (" + current.expiresOn()
							+ ") has passed: reject it and propose again with a later date."));
		}
		return decide(actor, APPROVE, current, expectedVersion, TierOverrideStatus.APPROVED, note);
	}

	/** The checker refuses a PROPOSED override, saying why. */
	public TierOverride reject(Actor actor, RejectTierOverrideInput input) {
		InputCheck check = InputCheck.of("input");
		String overrideId = check.id("overrideId", input.overrideId());
		long expectedVersion = check.expectedVersion(input.expectedVersion());
		String note = check.requiredText("note", input.note(), InputCheck.MAX_REASON_LENGTH);
		check.throwIfInvalid();

		TierOverride current = inScope(actor.caller(), REJECT, overrideId);
		requireChecker(actor.caller(), current, "reject");
		requireProposed(current, "rejected");
		requireVersion(current, expectedVersion);
		return decide(actor, REJECT, current, expectedVersion, TierOverrideStatus.REJECTED, note);
	}

	/** The maker takes back their PROPOSED override. */
	public TierOverride withdraw(Actor actor, WithdrawTierOverrideInput input) {
		InputCheck check = InputCheck.of("input");
		String overrideId = check.id("overrideId", input.overrideId());
		long expectedVersion = check.expectedVersion(input.expectedVersion());
		check.throwIfInvalid();

		TierOverride current = inScope(actor.caller(), WITHDRAW, overrideId);
		if (!isMaker(actor.caller(), current)) {
			throw new MutationRejected(UserError.forbidden(OVERRIDE.idField(), "Only the branch manager who proposed "
					+ "this override (" + current.proposedBy() + ") may withdraw it; a checker rejects it instead."));
		}
		requireProposed(current, "withdrawn");
		requireVersion(current, expectedVersion);
		return decide(actor, WITHDRAW, current, expectedVersion, TierOverrideStatus.WITHDRAWN, null);
	}

	private TierOverride decide(Actor actor, String operation, TierOverride current, long expectedVersion,
			TierOverrideStatus status, @Nullable String note) {
		Instant now = this.clock.instant();
		AuditEvent event = AuditEvent.by(actor, now, operation)
			.reason(note)
			.change("status", current.status(), status)
			.change("decidedBy", null, actor.caller().username())
			.about(ENTITY_TYPE, current.id(), expectedVersion + 1, current.clientId());
		Update update = new Update().set("status", status)
			.set("decidedBy", actor.caller().username())
			.set("decidedAt", now);
		if (note != null) {
			update.set("decisionNote", note);
		}
		// Every step moves the version on: of two decisions racing on one version, the second is a CONFLICT.
		TierOverride written = this.writes.update(TierOverride.class, Criteria.where("_id").is(current.id()),
				expectedVersion, update, OVERRIDE, event);
		publish(new TierOverrideDecided(written.clientId(), written.id(), status, actor));
		return written;
	}

	/** After the write: a failing listener must not turn a stored decision into an error; the next run catches up. */
	private void publish(TierOverrideDecided decided) {
		String clientId = decided.clientId();
		try {
			this.events.publishEvent(decided);
		}
		catch (RuntimeException ex) {
			log.warn("Re-evaluation after a tier override decision for client {} failed; the next evaluation of the "
					+ "client applies the decision", clientId, ex);
		}
	}

	/** The override, when its client is in the caller's scope for the operation; NOT_FOUND otherwise. */
	private TierOverride inScope(Caller caller, String operation, String overrideId) {
		TierOverride found = this.mongoTemplate.findOne(new Query(Criteria.where("_id").is(overrideId)),
				TierOverride.class);
		if (found == null || !this.clients.isInScope(caller, operation, found.clientId())) {
			throw new MutationRejected(UserError.notFound(OVERRIDE.idField(), OVERRIDE.what()));
		}
		return found;
	}

	private static void requireChecker(Caller caller, TierOverride current, String verb) {
		if (isMaker(caller, current)) {
			throw new MutationRejected(UserError.forbidden(OVERRIDE.idField(), "You proposed this override: another "
					+ "branch manager or a head-office approver must " + verb + " it (maker-checker)."));
		}
	}

	private static boolean isMaker(Caller caller, TierOverride current) {
		return caller.subject().equals(current.proposerSubject()) || caller.username().equals(current.proposedBy());
	}

	private static void requireProposed(TierOverride current, String participle) {
		if (current.status() != TierOverrideStatus.PROPOSED) {
			throw new MutationRejected(UserError.of(UserErrorCode.CONFLICT, OVERRIDE.idField(),
					"This override is " + current.status() + ((current.decidedBy() != null)
							? " (by " + current.decidedBy() + ")" : "") + ": only a PROPOSED override can be "
							+ participle + "."));
		}
	}

	private static void requireVersion(TierOverride current, long expectedVersion) {
		if (current.currentVersion() != expectedVersion) {
			throw new MutationRejected(UserError.conflict(OVERRIDE.versionField(), current.currentVersion()));
		}
	}

	private static MutationRejected openAlready(TierOverride open) {
		return new MutationRejected(UserError.of(UserErrorCode.CONFLICT, List.of("input", "clientId"),
				"This client already has an open tier override " + open.id() + " (" + open.status() + ", tier "
						+ open.tier() + ", until " + open.expiresOn() + ", proposed by " + open.proposedBy()
						+ "): it must be withdrawn, rejected or expire before another is proposed."));
	}

}
