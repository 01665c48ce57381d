package com.corpbank.portal.churn;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.corpbank.portal.access.ClientScope;
import com.corpbank.portal.access.PermissionModel;
import com.corpbank.portal.audit.Actor;
import com.corpbank.portal.audit.AuditEvent;
import com.corpbank.portal.audit.AuditedWrites;
import com.corpbank.portal.audit.WriteTarget;
import com.corpbank.portal.write.InputCheck;
import com.corpbank.portal.write.MutationRejected;
import com.corpbank.portal.write.UserError;
import com.corpbank.portal.write.UserErrorCode;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The people's side of a churn alert: OPEN → ACKNOWLEDGED → ACTIONED → CLOSED, forward only. A step may be skipped
 * (an RM who already called the client marks the alert actioned straight away; a false alarm is closed with a note
 * saying why): the note required to mark it actioned or to close it keeps the record honest. Moving back, moving to
 * the status it already has, or moving a CLOSED alert at all is a {@code VALIDATION} error; a stale
 * {@code expectedVersion} is a {@code CONFLICT} first (someone else moved it). Who: the roles the permission table
 * allows, on alerts whose client is in their scope for the operation; any other alert is {@code NOT_FOUND}.
 * Closing frees the client's one open-alert place: the next evaluation opens a new alert if signals still fire.
 */
@Service
public class ChurnAlertLifecycle {

	/** The audit trail's entity type for an alert. */
	static final String ENTITY_TYPE = "ChurnAlert";

	/** What was done, or why it is closed: a paragraph, not an essay. */
	static final int MAX_NOTE_LENGTH = 1000;

	static final WriteTarget TARGET = WriteTarget.of("churn alert", "alertId");

	private final ChurnAlertQueries queries;

	private final PermissionModel permissions;

	private final AuditedWrites writes;

	private final Clock clock;

	ChurnAlertLifecycle(ChurnAlertQueries queries, PermissionModel permissions, AuditedWrites writes, Clock clock) {
		this.queries = queries;
		this.permissions = permissions;
		this.writes = writes;
		this.clock = clock;
	}

	public ChurnAlert acknowledge(Actor actor, AcknowledgeChurnAlertInput input) {
		return move(actor, "acknowledgeChurnAlert", input.alertId(), input.note(), false, input.expectedVersion(),
				ChurnAlertStatus.ACKNOWLEDGED);
	}

	public ChurnAlert markActioned(Actor actor, MarkChurnAlertActionedInput input) {
		return move(actor, "markChurnAlertActioned", input.alertId(), input.note(), true, input.expectedVersion(),
				ChurnAlertStatus.ACTIONED);
	}

	public ChurnAlert close(Actor actor, CloseChurnAlertInput input) {
		return move(actor, "closeChurnAlert", input.alertId(), input.note(), true, input.expectedVersion(),
				ChurnAlertStatus.CLOSED);
	}

	private ChurnAlert move(Actor actor, String operation, @Nullable String alertIdInput, @Nullable String noteInput,
			boolean noteRequired, @Nullable Integer expectedVersionInput, ChurnAlertStatus to) {
		InputCheck check = InputCheck.of("input");
		String alertId = check.id("alertId", alertIdInput);
		String note = noteRequired ? check.requiredText("note", noteInput, MAX_NOTE_LENGTH)
				: check.optionalText("note", noteInput, MAX_NOTE_LENGTH);
		long expectedVersion = check.expectedVersion(expectedVersionInput);
		check.throwIfInvalid();

		ClientScope scope = this.permissions.scopeFor(actor.caller(), "Mutation." + operation);
		ChurnAlert current = this.queries.byId(scope, alertId)
			.orElseThrow(() -> new MutationRejected(UserError.notFound(TARGET.idField(), TARGET.what())));
		if (current.version() != expectedVersion) {
			throw new MutationRejected(UserError.conflict(TARGET.versionField(), current.version()));
		}
		if (!current.status().mayMoveTo(to)) {
			throw new MutationRejected(UserError.of(UserErrorCode.VALIDATION, TARGET.idField(), refusal(current, to)));
		}

		Instant now = this.clock.instant();
		ChurnAlertTransition transition = new ChurnAlertTransition(current.status(), to, actor.caller().username(), now,
				note);
		Update update = new Update().set("status", to).push("transitions", transition);
		if (to == ChurnAlertStatus.CLOSED) {
			// Frees the client's one open-alert place (the unique openKey) for the next alert.
			update.set("openKey", current.id());
		}
		AuditEvent event = AuditEvent.by(actor, now, operation)
			.reason(note)
			.change("status", current.status(), to)
			.about(ENTITY_TYPE, alertId, expectedVersion + 1, current.clientId());
		// Every move and every signal update moves the version on: a move that lost a race is a CONFLICT.
		Criteria match = Criteria.where("_id").is(alertId);
		return this.writes.update(ChurnAlert.class, match, expectedVersion, update, TARGET, event);
	}

	private static String refusal(ChurnAlert alert, ChurnAlertStatus to) {
		if (alert.status() == ChurnAlertStatus.CLOSED) {
			return "This alert is CLOSED and does not move again; a new alert opens when its signals fire again.";
		}
		List<ChurnAlertStatus> next = List.of(ChurnAlertStatus.values())
			.stream()
			.filter(alert.status()::mayMoveTo)
			.toList();
		return "This alert is " + alert.status() + " and cannot move to " + to + ": alerts only move forward, from "
				+ alert.status() + " to " + next.stream().map(Enum::name).reduce((a, b) -> a + " or " + b).orElse("")
				+ ".";
	}

}
