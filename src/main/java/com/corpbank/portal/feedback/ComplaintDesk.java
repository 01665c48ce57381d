package com.corpbank.portal.feedback;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import com.corpbank.portal.BankTime;
import com.corpbank.portal.access.ClientScope;
import com.corpbank.portal.access.PermissionModel;
import com.corpbank.portal.access.PersonalDataPolicy;
import com.corpbank.portal.audit.Actor;
import com.corpbank.portal.audit.AuditEvent;
import com.corpbank.portal.audit.AuditedWrites;
import com.corpbank.portal.audit.WriteTarget;
import com.corpbank.portal.client.Client;
import com.corpbank.portal.client.ClientsInScope;
import com.corpbank.portal.notification.WorklistEvent;
import com.corpbank.portal.security.Caller;
import com.corpbank.portal.security.Role;
import com.corpbank.portal.write.InputCheck;
import com.corpbank.portal.write.MutationRejected;
import com.corpbank.portal.write.UserError;
import com.corpbank.portal.write.UserErrorCode;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Raises complaints and moves them through their lifecycle (see {@link ComplaintAction}), each step one audited
 * write ({@link AuditedWrites}) that appends a {@link ComplaintTransition} (who, when, the note).
 *
 * <p>Who:
 * <ul>
 * <li>raising: RMs, team leads and branch managers, for a client in their scope for {@code raiseComplaint} (the
 * client's own RMs, its RMs' team lead, the branch manager of their branch; head office every client). The assignee
 * is the client's primary RM unless another of the client's RMs (primary or co-RM) is named;</li>
 * <li>every later step: the same roles with the client in scope for that step; an RM must moreover be the
 * complaint's assignee or the client's primary RM (a co-RM who is not the assignee is FORBIDDEN: the assignee owns
 * the case). Team leads and branch managers may move any complaint in their scope.</li>
 * </ul>
 * Checks, in order: the input (VALIDATION), the complaint in scope (NOT_FOUND, like a missing one), who
 * (FORBIDDEN), the version read (CONFLICT), then the step from the current status: a step the status does not
 * allow is {@code INVALID_TRANSITION} naming both statuses. Every refusal writes nothing.
 */
@Service
public class ComplaintDesk {

	static final String ENTITY_TYPE = "Complaint";

	static final int MAX_SUMMARY = 2000;

	static final int MAX_NOTE = 1000;

	static final WriteTarget TARGET = WriteTarget.of("complaint", "complaintId");

	private final ClientsInScope clients;

	private final ComplaintQueries queries;

	private final PermissionModel permissions;

	private final PersonalDataPolicy policy;

	private final AuditedWrites writes;

	private final MongoTemplate mongoTemplate;

	private final FeedbackProperties properties;

	private final Clock clock;

	ComplaintDesk(ClientsInScope clients, ComplaintQueries queries, PermissionModel permissions,
			PersonalDataPolicy policy, AuditedWrites writes, MongoTemplate mongoTemplate, FeedbackProperties properties,
			Clock clock) {
		this.clients = clients;
		this.queries = queries;
		this.permissions = permissions;
		this.policy = policy;
		this.writes = writes;
		this.mongoTemplate = mongoTemplate;
		this.properties = properties;
		this.clock = clock;
	}

	public Complaint raise(Actor actor, RaiseComplaintInput input) {
		InputCheck check = InputCheck.of("input");
		String clientId = check.id("clientId", input.clientId());
		if (input.category() == null) {
			check.reject("category", "category is required.");
		}
		if (input.severity() == null) {
			check.reject("severity", "severity is required.");
		}
		String summary = check.requiredText("summary", input.summary(), MAX_SUMMARY);
		String named = (input.assignee() != null) ? check.id("assignee", input.assignee()) : null;
		check.throwIfInvalid();

		Client client = this.clients.require(actor.caller(), "raiseComplaint", Objects.requireNonNull(clientId))
			.client();
		String assignee = (named != null) ? requireRmOf(client, named) : client.primaryManager();
		Instant now = this.clock.instant();
		ComplaintSeverity severity = Objects.requireNonNull(input.severity());
		Complaint complaint = new Complaint("CP-" + UUID.randomUUID(), clientId,
				Objects.requireNonNull(input.category()), severity, ComplaintStatus.OPEN,
				Objects.requireNonNull(summary), assignee, now, actor.caller().username(),
				now.plus(this.properties.slaOf(severity)), null, null, null,
				List.of(new ComplaintTransition(null, null, ComplaintStatus.OPEN, actor.caller().username(), now,
						assignee, null)),
				0L);
		AuditEvent event = AuditEvent.by(actor, now, "raiseComplaint")
			.change("clientId", null, clientId)
			.change("category", null, complaint.category())
			.change("severity", null, severity)
			.change("status", null, ComplaintStatus.OPEN)
			.change("summary", null, complaint.summary())
			.change("assignee", null, assignee)
			.change("slaDueAt", null, complaint.slaDueAt())
			.about(ENTITY_TYPE, complaint.id(), 0L, clientId);
		// The assignee's live notification travels in the same write (outbox): it exists exactly when the complaint does.
		return this.writes.insert(complaint, event, assigned(complaint.id(), clientId, assignee, complaint.slaDueAt(),
				0L, now));
	}

	public Complaint assign(Actor actor, AssignComplaintInput input) {
		InputCheck check = InputCheck.of("input");
		String complaintId = check.id("complaintId", input.complaintId());
		String assignee = check.id("assignee", input.assignee());
		String note = check.optionalText("note", input.note(), MAX_NOTE);
		long expectedVersion = check.expectedVersion(input.expectedVersion());
		check.throwIfInvalid();
		return move(actor, "assignComplaint", ComplaintAction.ASSIGN, Objects.requireNonNull(complaintId),
				expectedVersion, note, Objects.requireNonNull(assignee));
	}

	public Complaint start(Actor actor, StartComplaintInput input) {
		InputCheck check = InputCheck.of("input");
		String complaintId = check.id("complaintId", input.complaintId());
		String note = check.optionalText("note", input.note(), MAX_NOTE);
		long expectedVersion = check.expectedVersion(input.expectedVersion());
		check.throwIfInvalid();
		return move(actor, "startComplaint", ComplaintAction.START, Objects.requireNonNull(complaintId),
				expectedVersion, note, null);
	}

	public Complaint resolve(Actor actor, ResolveComplaintInput input) {
		InputCheck check = InputCheck.of("input");
		String complaintId = check.id("complaintId", input.complaintId());
		String resolution = check.requiredText("resolution", input.resolution(), MAX_NOTE);
		long expectedVersion = check.expectedVersion(input.expectedVersion());
		check.throwIfInvalid();
		return move(actor, "resolveComplaint", ComplaintAction.RESOLVE, Objects.requireNonNull(complaintId),
				expectedVersion, resolution, null);
	}

	public Complaint close(Actor actor, CloseComplaintInput input) {
		InputCheck check = InputCheck.of("input");
		String complaintId = check.id("complaintId", input.complaintId());
		String note = check.optionalText("note", input.note(), MAX_NOTE);
		long expectedVersion = check.expectedVersion(input.expectedVersion());
		check.throwIfInvalid();
		return move(actor, "closeComplaint", ComplaintAction.CLOSE, Objects.requireNonNull(complaintId),
				expectedVersion, note, null);
	}

	public Complaint reopen(Actor actor, ReopenComplaintInput input) {
		InputCheck check = InputCheck.of("input");
		String complaintId = check.id("complaintId", input.complaintId());
		String reason = check.reason(input.reason());
		long expectedVersion = check.expectedVersion(input.expectedVersion());
		check.throwIfInvalid();
		return move(actor, "reopenComplaint", ComplaintAction.REOPEN, Objects.requireNonNull(complaintId),
				expectedVersion, reason, null);
	}

	private Complaint move(Actor actor, String operation, ComplaintAction action, String complaintId,
			long expectedVersion, @Nullable String note, @Nullable String newAssignee) {
		ClientScope scope = this.permissions.scopeFor(actor.caller(), "Mutation." + operation);
		Complaint current = this.queries.byId(scope, complaintId)
			.orElseThrow(() -> new MutationRejected(UserError.notFound(TARGET.idField(), TARGET.what())));
		Client client = this.mongoTemplate.findById(current.clientId(), Client.class);
		if (client == null) {
			throw new MutationRejected(UserError.notFound(TARGET.idField(), TARGET.what()));
		}
		requireMayWork(actor.caller(), client, current);
		if (current.version() != expectedVersion) {
			throw new MutationRejected(UserError.conflict(TARGET.versionField(), current.version()));
		}
		if (!action.allowedFrom(current.status())) {
			throw new MutationRejected(UserError.of(UserErrorCode.INVALID_TRANSITION, TARGET.idField(),
					refusal(current.status(), action)));
		}
		String assignee = current.assignee();
		if (newAssignee != null) {
			assignee = requireRmOf(client, newAssignee);
			if (assignee.equals(current.assignee())) {
				throw new MutationRejected(UserError.of(UserErrorCode.VALIDATION, List.of("input", "assignee"),
						"The complaint is already assigned to " + assignee + "."));
			}
		}

		Instant now = this.clock.instant();
		ComplaintStatus to = action.target(current.status());
		ComplaintTransition transition = new ComplaintTransition(action, current.status(), to,
				actor.caller().username(), now, assignee, note);
		Update update = new Update().set("status", to).set("assignee", assignee).push("transitions", transition);
		AuditEvent.Builder event = AuditEvent.by(actor, now, operation)
			.reason(note)
			.change("status", current.status(), to)
			.change("assignee", current.assignee(), assignee);
		switch (action) {
			case RESOLVE -> {
				update.set("resolution", note).set("resolvedAt", now);
				event.change("resolution", current.resolution(), note);
			}
			case CLOSE -> update.set("closedAt", now);
			case REOPEN -> update.unset("resolvedAt").unset("closedAt");
			default -> {
			}
		}
		AuditEvent audited = event.about(ENTITY_TYPE, complaintId, expectedVersion + 1, current.clientId());
		Criteria match = Criteria.where("_id").is(complaintId);
		if (assignee.equals(current.assignee())) {
			return this.writes.update(Complaint.class, match, expectedVersion, update, TARGET, audited);
		}
		// A new assignee hears of it live, through the same write.
		return this.writes.update(Complaint.class, match, expectedVersion, update, TARGET, audited,
				assigned(complaintId, current.clientId(), assignee, current.slaDueAt(), expectedVersion + 1, now));
	}

	private static WorklistEvent assigned(String complaintId, String clientId, String assignee, Instant slaDueAt,
			long assignment, Instant now) {
		return WorklistEvent.complaintAssigned(complaintId, clientId, assignee,
				slaDueAt.atZone(BankTime.ZONE).toLocalDate(), assignment, now);
	}

	/**
	 * Team leads and branch managers (the complaint is in their scope already); an RM only as the assignee or the
	 * client's primary RM.
	 */
	private void requireMayWork(Caller caller, Client client, Complaint complaint) {
		if (caller.has(Role.TEAM_LEAD) || caller.has(Role.BRANCH_MANAGER)) {
			return;
		}
		String bound = this.policy.boundManager(caller);
		if (bound != null && (bound.equals(complaint.assignee()) || bound.equals(client.primaryManager()))) {
			return;
		}
		throw new MutationRejected(UserError.forbidden(TARGET.idField(),
				"Only the complaint's assignee (" + complaint.assignee()
						+ "), the client's primary RM, or their team lead or branch manager may work this complaint."));
	}

	/** The username when it is one of the client's RMs (primary or co-RM). */
	private static String requireRmOf(Client client, String username) {
		if (!client.managerUsernames().contains(username)) {
			throw new MutationRejected(UserError.of(UserErrorCode.VALIDATION, List.of("input", "assignee"),
					"assignee must be one of the client's RMs (its primary or co-RMs)."));
		}
		return username;
	}

	static String refusal(ComplaintStatus status, ComplaintAction action) {
		String allowed = action.from()
			.stream()
			.sorted()
			.map(Enum::name)
			.collect(Collectors.joining(" or "));
		String step = (action == ComplaintAction.ASSIGN) ? "be reassigned"
				: "move to " + action.target(status);
		return "This complaint is " + status + " and cannot " + step + " (" + action.name().toLowerCase()
				+ " is allowed from " + allowed + " only).";
	}

}
