package com.corpbank.portal.client;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import com.corpbank.portal.BankTime;
import com.corpbank.portal.access.ManagerBindings;
import com.corpbank.portal.access.OrgUnitLevels;
import com.corpbank.portal.access.OrgUnitLevels.UnitLevel;
import com.corpbank.portal.access.PersonalDataPolicy;
import com.corpbank.portal.audit.Actor;
import com.corpbank.portal.audit.AuditEvent;
import com.corpbank.portal.audit.AuditedWrites;
import com.corpbank.portal.audit.WriteTarget;
import com.corpbank.portal.client.ClientProfileRules.UsccEntry;
import com.corpbank.portal.security.Caller;
import com.corpbank.portal.security.Role;
import com.corpbank.portal.write.InputCheck;
import com.corpbank.portal.write.MutationRejected;
import com.corpbank.portal.write.UserError;
import com.corpbank.portal.write.UserErrorCode;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.graphql.data.ArgumentValue;
import org.springframework.stereotype.Service;

/**
 * Creates clients and changes their profile (name, USCC, industry, administrative division, registered address,
 * founding date, headcount, legal representative). Each is: check the whole input (every problem at once), look
 * the client up inside the caller's scope for the operation, then one audited write ({@link AuditedWrites}) that
 * carries its audit event. A rejected call has written nothing.
 */
@Service
public class ClientProfiles {

	static final String CREATE = "createClient";

	static final String UPDATE = "updateClient";

	/** Attempts at a fresh id when one turns out to be taken (a client written other than through {@link ClientIds}). */
	private static final int ID_ATTEMPTS = 3;

	private final MongoTemplate mongoTemplate;

	private final ClientsInScope clients;

	private final ManagerBindings managerBindings;

	private final OrgUnitLevels orgUnitLevels;

	private final ManagerDirectory directory;

	private final ClientProfileRules rules;

	private final ClientIds ids;

	private final AuditedWrites writes;

	private final Clock clock;

	ClientProfiles(MongoTemplate mongoTemplate, ClientsInScope clients, ManagerBindings managerBindings,
			OrgUnitLevels orgUnitLevels, ManagerDirectory directory, ClientProfileRules rules, ClientIds ids,
			AuditedWrites writes, Clock clock) {
		this.mongoTemplate = mongoTemplate;
		this.clients = clients;
		this.managerBindings = managerBindings;
		this.orgUnitLevels = orgUnitLevels;
		this.directory = directory;
		this.rules = rules;
		this.ids = ids;
		this.writes = writes;
		this.clock = clock;
	}

	/**
	 * A new client: a prospect with no tier, no rating and no size until it is evaluated, at version 0. An RM
	 * becomes its primary RM; a team lead or branch manager names an RM of their unit.
	 */
	public Client create(Actor actor, CreateClientInput input) {
		Instant now = this.clock.instant();
		InputCheck check = InputCheck.of("input");
		String name = this.rules.name(check, input.name());
		UsccEntry uscc = this.rules.uscc(check, input.uscc(), input.usccCheckOverride(), null);
		Industry industry = this.rules.industry(check, input.industryDivision());
		String adminDivision = this.rules.adminDivision(check, input.adminDivision());
		String address = this.rules.registeredAddress(check, input.registeredAddress());
		LocalDate foundedOn = this.rules.foundedOn(check, input.foundedOn(), LocalDate.ofInstant(now, BankTime.ZONE));
		Integer employees = this.rules.employees(check, input.employees());
		LegalRepresentative representative = this.rules.legalRepresentative(check, input.legalRepresentative());
		String named = (input.primaryManager() != null) ? check.id("primaryManager", input.primaryManager()) : null;
		ClientAssignment assignment = check.failed("primaryManager") ? null
				: primaryManager(check, actor.caller(), named);
		if (uscc != null) {
			refuseHeldUscc(check, uscc.code(), null);
		}
		check.throwIfInvalid();
		Objects.requireNonNull(name);
		Objects.requireNonNull(uscc);
		Objects.requireNonNull(industry);
		Objects.requireNonNull(adminDivision);
		Objects.requireNonNull(assignment);

		List<String> teamPath = this.directory.teamPath(assignment.primaryManager())
			.orElseThrow(() -> new IllegalStateException("primary RM left the directory"));
		List<String> orgUnits = assignment.orgUnits(Map.of(assignment.primaryManager(), teamPath));
		Region region = Regions.ofDivision(adminDivision);
		for (int attempt = 1;; attempt++) {
			String id = this.ids.next();
			Client client = new Client(id, name, uscc.code(), industry, adminDivision, region, null,
					LifecycleStage.PROSPECT, null, null, assignment.primaryManager(), assignment.coManagers(),
					assignment.managerUsernames(), orgUnits, address, foundedOn, employees, representative, null,
					LocalDate.ofInstant(now, BankTime.ZONE), null, 0L);
			AuditEvent event = creationEvent(actor, now, client, uscc.checkOverride());
			try {
				return this.writes.insert(client, event);
			}
			catch (DuplicateKeyException | MongoWriteException ex) {
				if (ex instanceof MongoWriteException write
						&& write.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
					throw ex;
				}
				// The unique USCC index refused it (another request got there first), or the id was taken.
				if (usccHeld(uscc.code(), null)) {
					throw new MutationRejected(duplicateUscc(InputCheck.of("input").pathOf("uscc")));
				}
				if (attempt == ID_ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

	/**
	 * Changes the profile fields the input names; a field left out is unchanged, and an explicit null clears an
	 * optional one. The audit event lists only the fields that changed, the legal representative's ID number
	 * masked. An input that changes nothing is refused (there would be nothing to audit).
	 */
	public Client update(Actor actor, UpdateClientInput input) {
		Instant now = this.clock.instant();
		InputCheck check = InputCheck.of("input");
		String clientId = check.id("clientId", input.clientId());
		String reason = check.reason(input.reason());
		long expectedVersion = check.expectedVersion(input.expectedVersion());

		// Read before the checks end only so that a USCC given again unchanged needs no second override.
		Optional<ClientsInScope.Found> found = (clientId != null) ? this.clients.read(actor.caller(), UPDATE, clientId)
				: Optional.empty();
		Client current = found.map(ClientsInScope.Found::client).orElse(null);

		String name = (input.name() != null) ? this.rules.name(check, input.name()) : null;
		UsccEntry uscc = null;
		if (input.uscc() != null) {
			uscc = this.rules.uscc(check, input.uscc(), input.usccCheckOverride(),
					(current != null) ? current.uscc() : null);
		}
		else if (input.usccCheckOverride() != null) {
			check.reject("usccCheckOverride", "usccCheckOverride goes with a new uscc; leave it out.");
		}
		Industry industry = (input.industryDivision() != null) ? this.rules.industry(check, input.industryDivision())
				: null;
		String adminDivision = (input.adminDivision() != null) ? this.rules.adminDivision(check, input.adminDivision())
				: null;
		ArgumentValue<String> address = given(input.registeredAddress(),
				value -> this.rules.registeredAddress(check, value));
		ArgumentValue<LocalDate> foundedOn = given(input.foundedOn(),
				value -> this.rules.foundedOn(check, value, LocalDate.ofInstant(now, BankTime.ZONE)));
		ArgumentValue<Integer> employees = given(input.employees(), value -> this.rules.employees(check, value));
		ArgumentValue<LegalRepresentative> representative = given(input.legalRepresentative(),
				value -> this.rules.legalRepresentative(check, value));
		if (uscc != null && clientId != null && current != null && !uscc.code().equals(current.uscc())) {
			refuseHeldUscc(check, uscc.code(), clientId);
		}
		check.throwIfInvalid();

		WriteTarget target = ClientsInScope.TARGET;
		Criteria match = found.orElseThrow(ClientsInScope::notFound).atVersion(expectedVersion).match();

		Update update = new Update();
		AuditEvent.Builder event = AuditEvent.by(actor, now, UPDATE).reason(reason);
		if (name != null && !name.equals(current.name())) {
			update.set("name", name);
			event.change("name", current.name(), name);
		}
		if (uscc != null && !uscc.code().equals(current.uscc())) {
			update.set("uscc", uscc.code());
			event.change("uscc", current.uscc(), uscc.code());
			event.change("usccCheckOverride", null, uscc.checkOverride());
		}
		if (industry != null && !industry.equals(current.industry())) {
			// The size is not re-derived here: it follows the statements (recordFinancialStatement).
			update.set("industry", industry);
			event.change("industry.code", current.industry().code(), industry.code());
			event.change("industry.section", current.industry().section(), industry.section());
		}
		if (adminDivision != null && !adminDivision.equals(current.adminDivision())) {
			Region region = Regions.ofDivision(adminDivision);
			update.set("adminDivision", adminDivision).set("region", region);
			event.change("adminDivision", current.adminDivision(), adminDivision);
			event.change("region", current.region(), region);
		}
		setOrClear(update, event, "registeredAddress", current.registeredAddress(), address);
		setOrClear(update, event, "foundedOn", current.foundedOn(), foundedOn);
		setOrClear(update, event, "employees", current.employees(), employees);
		if (!representative.isOmitted() && !Objects.equals(representative.value(), current.legalRepresentative())) {
			LegalRepresentative before = current.legalRepresentative();
			LegalRepresentative after = representative.value();
			setOrUnset(update, "legalRepresentative", after);
			event.change("legalRepresentative.name", (before != null) ? before.name() : null,
					(after != null) ? after.name() : null);
			event.maskedChange("legalRepresentative.idNumber", (before != null) ? before.idNumber() : null,
					(after != null) ? after.idNumber() : null, PersonalDataPolicy::maskIdNumber);
		}
		if (!event.hasChanges()) {
			throw new MutationRejected(UserError.of(UserErrorCode.VALIDATION, List.of("input"),
					"Nothing to change: every field given equals the client's current value."));
		}
		try {
			return this.writes.update(Client.class, match, expectedVersion, update, target,
					event.aboutClient(clientId, expectedVersion + 1));
		}
		catch (DuplicateKeyException ex) {
			// Another request took the USCC between the check above and this write; nothing was written.
			throw new MutationRejected(duplicateUscc(check.pathOf("uscc")));
		}
	}

	// ---- The primary RM of a new client ------------------------------------------------------------------------

	/**
	 * An RM serves the clients they create (naming anyone else is FORBIDDEN); a team lead or branch manager names
	 * an RM whose team is inside the unit they lead (their token's org unit, checked against the directory).
	 */
	private @Nullable ClientAssignment primaryManager(InputCheck check, Caller caller, @Nullable String named) {
		String bound = caller.has(Role.RM) ? this.managerBindings.managerBoundTo(caller.subject()).orElse(null) : null;
		String led = ledUnit(caller);
		if (named == null) {
			if (bound != null) {
				return new ClientAssignment(bound, List.of());
			}
			if (led == null) {
				check.reject(UserErrorCode.FORBIDDEN, "primaryManager", "Your user is not bound to a relationship"
						+ " manager of the directory, so a client you create would have no RM: ask an administrator.");
			}
			else {
				check.reject("primaryManager", "primaryManager is required: name the RM of your unit who will serve"
						+ " the client.");
			}
			return null;
		}
		if (named.equals(bound)) {
			return new ClientAssignment(named, List.of());
		}
		if (led == null) {
			check.reject(UserErrorCode.FORBIDDEN, "primaryManager", "An RM creates clients for themselves: leave"
					+ " primaryManager out. A team lead or branch manager can create a client for another RM.");
			return null;
		}
		Optional<List<String>> path = this.directory.teamPath(named);
		if (path.isEmpty()) {
			check.reject("primaryManager", "No relationship manager has the username " + named + ".");
			return null;
		}
		if (!path.get().contains(led)) {
			check.reject(UserErrorCode.FORBIDDEN, "primaryManager",
					named + " is not an RM of your unit " + led + ": name an RM of your own unit.");
			return null;
		}
		return new ClientAssignment(named, List.of());
	}

	/**
	 * The unit the caller leads: a TEAM for a team lead, a BRANCH, SUB_BRANCH or the HEAD_OFFICE for a branch manager
	 * (as their row scope, see CallerScopes); or null.
	 */
	private @Nullable String ledUnit(Caller caller) {
		String unit = caller.orgUnit();
		if (unit == null || !(caller.has(Role.TEAM_LEAD) || caller.has(Role.BRANCH_MANAGER))) {
			return null;
		}
		UnitLevel level = this.orgUnitLevels.levelOf(unit).orElse(null);
		boolean leads = (caller.has(Role.TEAM_LEAD) && level == UnitLevel.TEAM) || (caller.has(Role.BRANCH_MANAGER)
				&& (level == UnitLevel.BRANCH || level == UnitLevel.SUB_BRANCH || level == UnitLevel.HEAD_OFFICE));
		return leads ? unit : null;
	}

	// ---- Helpers --------------------------------------------------------------------------------------------------

	/** DUPLICATE before anything is written: the friendly answer; the unique index is the guarantee. */
	private void refuseHeldUscc(InputCheck check, String uscc, @Nullable String exceptClientId) {
		if (usccHeld(uscc, exceptClientId)) {
			List<String> field = check.pathOf("uscc");
			check.reject(UserErrorCode.DUPLICATE, "uscc", duplicateUscc(field).message());
		}
	}

	private boolean usccHeld(String uscc, @Nullable String exceptClientId) {
		Criteria holder = Criteria.where("uscc").is(uscc);
		if (exceptClientId != null) {
			holder = holder.and("_id").ne(exceptClientId);
		}
		return this.mongoTemplate.exists(new Query(holder), Client.class);
	}

	// Whether the holder is in the caller's book or not, the answer is the same: it names no client.
	private static UserError duplicateUscc(List<String> field) {
		return UserError.of(UserErrorCode.DUPLICATE, field,
				"Another client already holds this USCC: look for it before recording the enterprise again.");
	}

	private static AuditEvent creationEvent(Actor actor, Instant now, Client client, @Nullable String checkOverride) {
		LegalRepresentative representative = client.legalRepresentative();
		return AuditEvent.by(actor, now, CREATE)
			.change("name", null, client.name())
			.change("uscc", null, client.uscc())
			.change("usccCheckOverride", null, checkOverride)
			.change("industry.code", null, client.industry().code())
			.change("industry.section", null, client.industry().section())
			.change("adminDivision", null, client.adminDivision())
			.change("region", null, client.region())
			.change("lifecycleStage", null, client.lifecycleStage())
			.change("primaryManager", null, client.primaryManager())
			.change("registeredAddress", null, client.registeredAddress())
			.change("foundedOn", null, client.foundedOn())
			.change("onboardedOn", null, client.onboardedOn())
			.change("employees", null, client.employees())
			.change("legalRepresentative.name", null, (representative != null) ? representative.name() : null)
			.maskedChange("legalRepresentative.idNumber", null,
					(representative != null) ? representative.idNumber() : null, PersonalDataPolicy::maskIdNumber)
			.aboutClient(client.id(), 0L);
	}

	/**
	 * Omitted when the field was left out; otherwise the checked value, where null means "clear it" (a rejected
	 * value is null too, but a rejection ends the mutation before any value is used).
	 */
	private static <T, R> ArgumentValue<R> given(ArgumentValue<T> argument, Function<@Nullable T, @Nullable R> check) {
		return argument.isOmitted() ? ArgumentValue.omitted() : ArgumentValue.ofNullable(check.apply(argument.value()));
	}

	/** A given optional field that differs from the stored one: set it, or unset it when cleared. */
	private static void setOrClear(Update update, AuditEvent.Builder event, String field, @Nullable Object before,
			ArgumentValue<?> after) {
		if (after.isOmitted() || Objects.equals(before, after.value())) {
			return;
		}
		setOrUnset(update, field, after.value());
		event.change(field, before, after.value());
	}

	private static void setOrUnset(Update update, String field, @Nullable Object value) {
		if (value != null) {
			update.set(field, value);
		}
		else {
			update.unset(field);
		}
	}

}
