package com.corpbank.portal.assignment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.corpbank.portal.audit.Actor;
import com.corpbank.portal.audit.AuditEvent;
import com.corpbank.portal.audit.AuditedWrites;
import com.corpbank.portal.audit.WriteTarget;
import com.corpbank.portal.client.Client;
import com.corpbank.portal.client.ClientAssignment;
import com.corpbank.portal.client.ClientsInScope;
import com.corpbank.portal.client.FollowUp;
import com.corpbank.portal.graphql.InputText;
import com.corpbank.portal.write.InputCheck;
import com.corpbank.portal.write.MutationRejected;
import com.corpbank.portal.write.UserError;
import com.corpbank.portal.write.UserErrorCode;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Hands a client over 客户移交 or changes its co-RMs (TEAM_LEAD within their team, BRANCH_MANAGER within their
 * subtree). The new assignment, the scope keys derived from it ({@code managerUsernames}, {@code orgUnits}), the
 * version, the audit event and the history entry go in one audited write: the RMs it removes lose the client in
 * that very write, since row scope is a match on those keys inside every query.
 *
 * <p>The unit rule: every RM whose role on the client changes (added, removed, or moved between primary and co-RM)
 * must sit in the caller's org unit or below it; an RM keeping the same role is not part of the change and may sit
 * anywhere (a lead may replace their team's primary while another team's co-RM stays as they were).
 */
@Service
public class ClientHandover {

	static final String OPERATION = "assignClient";

	/** More co-RMs than this is a typing error, not a team. */
	static final int MAX_CO_MANAGERS = 10;

	static final int MAX_USERNAME_LENGTH = 64;

	private enum Role {
		PRIMARY, CO, NONE
	}

	private final MongoTemplate mongoTemplate;

	private final ClientsInScope clients;

	private final ManagerPlacements placements;

	private final AuditedWrites writes;

	private final Clock clock;

	ClientHandover(MongoTemplate mongoTemplate, ClientsInScope clients, ManagerPlacements placements,
			AuditedWrites writes, Clock clock) {
		this.mongoTemplate = mongoTemplate;
		this.clients = clients;
		this.placements = placements;
		this.writes = writes;
		this.clock = clock;
	}

	/**
	 * @return the client as assigned now, or null when the change took it out of the caller's own scope
	 * @throws MutationRejected VALIDATION, NOT_FOUND, CONFLICT or FORBIDDEN; nothing was written
	 */
	public @Nullable Client assign(Actor actor, AssignClientInput input) {
		InputCheck check = InputCheck.of("input");
		String clientId = check.id("clientId", input.clientId());
		String primary = username(check, "primaryManager", "primaryManager", input.primaryManager());
		List<String> coManagers = coManagers(check, primary, input.coManagers());
		String reason = check.reason(input.reason());
		long expectedVersion = check.expectedVersion(input.expectedVersion());
		// Every RM named must be in the directory: its team path is what orgUnits is derived from.
		Map<String, List<String>> paths = new HashMap<>();
		if (primary != null && coManagers != null) {
			paths.putAll(this.placements.teamPaths(new ClientAssignment(primary, coManagers).managerUsernames()));
			if (!paths.containsKey(primary)) {
				check.reject("primaryManager", unknown(primary));
			}
			for (int i = 0; i < coManagers.size(); i++) {
				if (!paths.containsKey(coManagers.get(i))) {
					check.nested("coManagers").reject(String.valueOf(i), unknown(coManagers.get(i)));
				}
			}
		}
		check.throwIfInvalid();
		ClientAssignment after = new ClientAssignment(primary, coManagers);

		// The unit rule below is judged on the assignment read; it must be the one the caller meant to change.
		ClientsInScope.Found found = this.clients.require(actor.caller(), OPERATION, clientId).atVersion(expectedVersion);
		Client current = found.client();
		Criteria match = found.match();
		WriteTarget target = ClientsInScope.TARGET;
		ClientAssignment before = new ClientAssignment(current.primaryManager(), current.coManagers());
		Set<String> changed = changedRoles(before, after);
		if (changed.isEmpty()) {
			throw new MutationRejected(UserError.of(UserErrorCode.VALIDATION, List.of("input"),
					"This is already the client's assignment: change the primary RM or the co-RMs."));
		}
		checkWithinUnit(actor, before, after, changed, paths);

		Instant now = this.clock.instant();
		List<String> orgUnits = after.orgUnits(paths);
		Update update = new Update().set("primaryManager", after.primaryManager())
			.set("coManagers", after.coManagers())
			.set("managerUsernames", after.managerUsernames())
			.set("orgUnits", orgUnits);
		AuditEvent.Builder event = AuditEvent.by(actor, now, OPERATION)
			.reason(reason)
			.change("primaryManager", before.primaryManager(), after.primaryManager())
			.change("coManagers", before.coManagers(), after.coManagers())
			.change("orgUnits", current.orgUnits(), orgUnits);
		// The open follow-up goes to the new primary RM in this same write: no moment where the client has moved and
		// its follow-up has not (or the other way round), and the handover's event records it.
		FollowUp followUp = current.followUp();
		if (followUp != null && !followUp.rmUsername().equals(after.primaryManager())) {
			update.set("followUp.rmUsername", after.primaryManager());
			event.change("followUp.rmUsername", followUp.rmUsername(), after.primaryManager());
		}
		AuditEvent audited = event.aboutClient(clientId, expectedVersion + 1);
		// The id leads with the version: two handovers in the same millisecond still page in the order they happened
		// (NewestFirstPages breaks ties on time by id).
		String historyId = "%010d-%s".formatted(expectedVersion + 1, UUID.randomUUID());
		AssignmentHistoryEntry history = new AssignmentHistoryEntry(historyId, clientId,
				after.primaryManager(), after.coManagers(),
				new AssignmentSnapshot(before.primaryManager(), before.coManagers()), now, actor.caller().username(),
				reason, expectedVersion + 1);
		Client written = this.writes.update(Client.class, match, expectedVersion, update, target, audited, history);
		// A caller who handed the client out of their own unit no longer sees it: the payload must not show it.
		return this.mongoTemplate.exists(new Query(match), Client.class) ? written : null;
	}

	private static @Nullable List<String> coManagers(InputCheck check, @Nullable String primary,
			@Nullable List<String> given) {
		if (given == null) {
			check.reject("coManagers", "coManagers is required: list the co-RMs, or pass [] for none.");
			return null;
		}
		if (given.size() > MAX_CO_MANAGERS) {
			check.reject("coManagers", "A client has at most " + MAX_CO_MANAGERS + " co-RMs.");
			return null;
		}
		InputCheck items = check.nested("coManagers");
		List<String> coManagers = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		boolean valid = true;
		for (int i = 0; i < given.size(); i++) {
			String field = String.valueOf(i);
			String username = username(items, field, "coManagers[" + i + "]", given.get(i));
			if (username == null) {
				valid = false;
			}
			else if (username.equals(primary)) {
				items.reject(field, username + " is the primary RM; a primary RM is not also a co-RM.");
				valid = false;
			}
			else if (!seen.add(username)) {
				items.reject(field, username + " is listed twice.");
				valid = false;
			}
			else {
				coManagers.add(username);
			}
		}
		return valid ? coManagers : null;
	}

	/** A username as given (trimmed): plain text within the cap; whether it names an RM is the directory's call. */
	private static @Nullable String username(InputCheck check, String field, String label, @Nullable String value) {
		if (value == null || value.isBlank()) {
			check.reject(field, label + " is required: an RM's username.");
			return null;
		}
		String username = value.strip();
		if (value.length() > 4 * MAX_USERNAME_LENGTH || InputText.length(username) > MAX_USERNAME_LENGTH) {
			check.reject(field, label + " is at most " + MAX_USERNAME_LENGTH + " characters.");
			return null;
		}
		if (!InputText.isPlainText(value)) {
			check.reject(field, label + " must not contain control characters.");
			return null;
		}
		return username;
	}

	private static String unknown(String username) {
		return "No relationship manager \"" + username + "\" in the org directory.";
	}

	/** RMs whose role on the client differs between the two assignments, in a stable order. */
	private static Set<String> changedRoles(ClientAssignment before, ClientAssignment after) {
		Set<String> everyone = new LinkedHashSet<>(before.managerUsernames());
		everyone.addAll(after.managerUsernames());
		Set<String> changed = new LinkedHashSet<>();
		for (String username : everyone) {
			if (roleOf(before, username) != roleOf(after, username)) {
				changed.add(username);
			}
		}
		return changed;
	}

	private static Role roleOf(ClientAssignment assignment, String username) {
		if (assignment.primaryManager().equals(username)) {
			return Role.PRIMARY;
		}
		return assignment.coManagers().contains(username) ? Role.CO : Role.NONE;
	}

	/**
	 * Every RM whose role changes must sit within the caller's unit (their team's path contains it). The unit is
	 * the one that gave the caller this client in scope, so it is a team for a team lead and a branch or
	 * sub-branch for a branch manager. An RM the directory cannot place is outside (fail closed).
	 */
	private void checkWithinUnit(Actor actor, ClientAssignment before, ClientAssignment after, Set<String> changed,
			Map<String, List<String>> paths) {
		List<String> removed = changed.stream().filter(username -> !paths.containsKey(username)).toList();
		paths.putAll(this.placements.teamPaths(removed));
		String unit = actor.caller().orgUnit();
		List<UserError> errors = new ArrayList<>();
		for (String username : changed) {
			List<String> path = paths.get(username);
			if (unit != null && path != null && path.contains(unit)) {
				continue;
			}
			String where = (path != null) ? " (" + path.get(path.size() - 1) + ")" : "";
			errors.add(UserError.forbidden(fieldOf(before, after, username),
					username + where + " is outside your unit" + ((unit != null) ? " " + unit : "")
							+ ": only RMs of your unit may be added, removed or change role. Ask a manager whose unit"
							+ " covers both."));
		}
		if (!errors.isEmpty()) {
			throw new MutationRejected(errors);
		}
	}

	/** The input field an RM's change shows in: where they are named now, or the role they are removed from. */
	private static List<String> fieldOf(ClientAssignment before, ClientAssignment after, String username) {
		int co = after.coManagers().indexOf(username);
		if (co >= 0) {
			return List.of("input", "coManagers", String.valueOf(co));
		}
		if (after.primaryManager().equals(username) || before.primaryManager().equals(username)) {
			return List.of("input", "primaryManager");
		}
		return List.of("input", "coManagers");
	}

}
