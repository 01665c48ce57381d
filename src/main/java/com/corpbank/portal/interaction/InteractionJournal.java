package com.corpbank.portal.interaction;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import com.corpbank.portal.BankTime;
import com.corpbank.portal.access.PersonalDataPolicy;
import com.corpbank.portal.audit.Actor;
import com.corpbank.portal.audit.AuditEvent;
import com.corpbank.portal.audit.AuditedWrites;
import com.corpbank.portal.audit.WriteTarget;
import com.corpbank.portal.client.Client;
import com.corpbank.portal.client.ClientsInScope;
import com.corpbank.portal.contact.Contact;
import com.corpbank.portal.contact.ContactBook;
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
 * Records and corrects interactions. Recording is for the client's own RMs (primary or co-RM): a client outside that
 * scope is {@code NOT_FOUND} exactly like a missing one. A correction is for the author only, within
 * {@code portal.interaction.correction-window} of recording, at the version read. Each is one audited write
 * ({@link AuditedWrites}): the input is checked in full first, so a refusal writes nothing and records no event.
 */
@Service
public class InteractionJournal {

	static final int MAX_SUMMARY = 2000;

	static final int MAX_NEXT_STEP = 1000;

	static final int MAX_MANAGERS = 10;

	static final int MAX_CONTACTS = 20;

	/** A client's clock may run a little ahead of ours: an interaction "now" is not refused as future. */
	static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

	static final String ENTITY_TYPE = "Interaction";

	private static final WriteTarget INTERACTION = WriteTarget.of("interaction", "interactionId");

	private final MongoTemplate mongoTemplate;

	private final ClientsInScope clients;

	private final ContactBook contacts;

	private final AuditedWrites writes;

	private final InteractionProperties properties;

	private final PersonalDataPolicy policy;

	private final Clock clock;

	private final InteractionFollowUps followUps;

	InteractionJournal(MongoTemplate mongoTemplate, ClientsInScope clients, ContactBook contacts, AuditedWrites writes,
			InteractionProperties properties, PersonalDataPolicy policy, Clock clock, InteractionFollowUps followUps) {
		this.followUps = followUps;
		this.policy = policy;
		this.mongoTemplate = mongoTemplate;
		this.clients = clients;
		this.contacts = contacts;
		this.writes = writes;
		this.properties = properties;
		this.clock = clock;
	}

	/** The checked content of a record or correction input. */
	private record Content(InteractionChannel channel, Instant occurredAt, List<String> managers,
			List<String> contactIds, String summary, @Nullable String nextStep, @Nullable LocalDate followUpOn) {
	}

	public Interaction record(Actor actor, RecordInteractionInput input) {
		InputCheck check = InputCheck.of("input");
		String clientId = check.id("clientId", input.clientId());
		Instant now = this.clock.instant();
		Content content = content(check, now, input.channel(), input.occurredAt(), input.managers(),
				input.contactIds(), input.summary(), input.nextStep(), input.followUpOn());
		check.throwIfInvalid();

		Client client = this.clients.require(actor.caller(), "recordInteraction", Objects.requireNonNull(clientId))
			.client();
		List<String> managers = content.managers().isEmpty() ? List.of(recorderOf(actor, client))
				: content.managers();
		requireParticipants(client, managers, content.contactIds());

		Interaction interaction = new Interaction("IA-" + UUID.randomUUID(), clientId, content.channel(),
				content.occurredAt(), managers, content.contactIds(), content.summary(), content.nextStep(),
				content.followUpOn(), now, actor.caller().username(), actor.caller().subject(), null, null, Boolean.FALSE,
				0L);
		AuditEvent event = AuditEvent.by(actor, now, "recordInteraction")
			.change("clientId", null, clientId)
			.change("channel", null, content.channel())
			.change("occurredAt", null, content.occurredAt())
			.change("managers", null, text(managers))
			.change("contactIds", null, text(content.contactIds()))
			.change("summary", null, content.summary())
			.change("nextStep", null, content.nextStep())
			.change("followUpOn", null, content.followUpOn())
			.about(ENTITY_TYPE, interaction.id(), 0L, clientId);
		Interaction recorded = this.writes.insert(interaction, event);
		// The second document: the client's follow-up. A failure or crash here leaves the marker for the sweep.
		this.followUps.applySafely(recorded, actor);
		return recorded;
	}

	public Interaction correct(Actor actor, CorrectInteractionInput input) {
		InputCheck check = InputCheck.of("input");
		String interactionId = check.id("interactionId", input.interactionId());
		Instant now = this.clock.instant();
		Content content = content(check, now, input.channel(), input.occurredAt(), input.managers(),
				input.contactIds(), input.summary(), input.nextStep(), input.followUpOn());
		String reason = check.reason(input.reason());
		long expectedVersion = check.expectedVersion(input.expectedVersion());
		check.throwIfInvalid();

		Interaction current = this.mongoTemplate.findOne(
				new Query(Criteria.where("_id").is(Objects.requireNonNull(interactionId))), Interaction.class);
		Client client = (current != null) ? this.clients
			.read(actor.caller(), "correctInteraction", current.clientId())
			.map(ClientsInScope.Found::client)
			.orElse(null) : null;
		if (current == null || client == null) {
			throw new MutationRejected(UserError.notFound(INTERACTION.idField(), INTERACTION.what()));
		}
		if (!current.recordedBySubject().equals(actor.caller().subject())) {
			throw new MutationRejected(UserError.forbidden(INTERACTION.idField(),
					"Only the RM who recorded an interaction may correct it."));
		}
		Instant deadline = current.recordedAt().plus(this.properties.correctionWindow());
		if (now.isAfter(deadline)) {
			throw new MutationRejected(UserError.forbidden(INTERACTION.idField(),
					"An interaction may be corrected only within " + this.properties.correctionWindow()
							+ " of recording (until " + deadline + "); record a new one instead."));
		}
		if (current.currentVersion() != expectedVersion) {
			throw new MutationRejected(UserError.conflict(INTERACTION.versionField(), current.currentVersion()));
		}
		List<String> managers = content.managers().isEmpty() ? current.managers() : content.managers();
		requireParticipants(client, managers, content.contactIds());

		AuditEvent.Builder event = AuditEvent.by(actor, now, "correctInteraction").reason(reason);
		Update update = new Update();
		changed(event, update, "channel", current.channel(), content.channel());
		changed(event, update, "occurredAt", current.occurredAt(), content.occurredAt());
		changed(event, update, "managers", current.managers(), managers);
		changed(event, update, "contactIds", current.contactIds(), content.contactIds());
		changed(event, update, "summary", current.summary(), content.summary());
		changed(event, update, "nextStep", current.nextStep(), content.nextStep());
		changed(event, update, "followUpOn", current.followUpOn(), content.followUpOn());
		if (!event.hasChanges()) {
			throw new MutationRejected(UserError.of(UserErrorCode.VALIDATION, List.of("input"),
					"Nothing changes: the interaction already reads like this."));
		}
		update.set("correctedAt", now).set("correctedBy", actor.caller().username());
		// A new date or planned date may move the client's follow-up: the same marker-and-sweep as recording.
		boolean movesFollowUp = !Objects.equals(current.occurredAt(), content.occurredAt())
				|| !Objects.equals(current.followUpOn(), content.followUpOn());
		if (movesFollowUp) {
			update.set("followUpApplied", false);
		}
		Interaction corrected = this.writes.update(Interaction.class, Criteria.where("_id").is(interactionId),
				expectedVersion, update, INTERACTION,
				event.about(ENTITY_TYPE, interactionId, expectedVersion + 1, current.clientId()));
		if (movesFollowUp) {
			this.followUps.applySafely(corrected, actor);
		}
		return corrected;
	}

	/** Every content rule that needs no store: formats, caps, dates. */
	private static Content content(InputCheck check, Instant now, @Nullable InteractionChannel channel,
			@Nullable Instant occurredAt, @Nullable List<String> managers, @Nullable List<String> contactIds,
			@Nullable String summary, @Nullable String nextStep, @Nullable LocalDate followUpOn) {
		if (channel == null) {
			check.reject("channel", "channel is required.");
		}
		if (occurredAt == null) {
			check.reject("occurredAt", "occurredAt is required.");
		}
		else if (occurredAt.isAfter(now.plus(CLOCK_TOLERANCE))) {
			check.reject("occurredAt", "occurredAt must not be in the future.");
		}
		List<String> managerIds = ids(check, "managers", managers, MAX_MANAGERS);
		List<String> contacts = ids(check, "contactIds", contactIds, MAX_CONTACTS);
		String checkedSummary = check.requiredText("summary", summary, MAX_SUMMARY);
		String checkedNextStep = check.optionalText("nextStep", nextStep, MAX_NEXT_STEP);
		if (followUpOn != null && occurredAt != null && followUpOn.isBefore(occurredAt.atZone(BankTime.ZONE).toLocalDate())) {
			check.reject("followUpOn", "followUpOn must be on or after the day of the interaction (Beijing time).");
		}
		if (!check.isValid()) {
			return new Content(InteractionChannel.VISIT, Instant.EPOCH, List.of(), List.of(), "", null, null);
		}
		return new Content(Objects.requireNonNull(channel), Objects.requireNonNull(occurredAt), managerIds, contacts,
				Objects.requireNonNull(checkedSummary), checkedNextStep, followUpOn);
	}

	/** A list of ids: each plain, at most {@code max}, duplicates dropped (order kept). */
	private static List<String> ids(InputCheck check, String field, @Nullable List<String> values, int max) {
		if (values == null || values.isEmpty()) {
			return List.of();
		}
		if (values.size() > max) {
			check.reject(field, field + " names at most " + max + " entries.");
			return List.of();
		}
		Set<String> ids = new LinkedHashSet<>();
		for (int i = 0; i < values.size(); i++) {
			String value = values.get(i);
			if (value == null || !InputText.isId(value)) {
				check.reject(UserErrorCode.VALIDATION, field, field + "[" + i + "] is made of letters, digits, '-' and '_' (1 to "
						+ InputText.MAX_ID_LENGTH + " characters).");
				continue;
			}
			ids.add(value);
		}
		return List.copyOf(ids);
	}

	/**
	 * RM participants must be the client's RMs (primary or co-RM, as assigned now); contact participants listed
	 * contacts of this client. Either list's offenders are named, one error per entry, at their index.
	 */
	private void requireParticipants(Client client, List<String> managers, List<String> contactIds) {
		List<UserError> errors = new ArrayList<>();
		for (int i = 0; i < managers.size(); i++) {
			if (!client.managerUsernames().contains(managers.get(i))) {
				errors.add(UserError.of(UserErrorCode.VALIDATION, List.of("input", "managers", String.valueOf(i)),
						"managers[" + i + "] is not an RM of this client (its primary or co-RMs)."));
			}
		}
		Map<String, Contact> listed = this.contacts.listed(contactIds);
		for (int i = 0; i < contactIds.size(); i++) {
			Contact contact = listed.get(contactIds.get(i));
			if (contact == null || !contact.clientId().equals(client.id())) {
				errors.add(UserError.of(UserErrorCode.VALIDATION, List.of("input", "contactIds", String.valueOf(i)),
						"contactIds[" + i + "] is not a contact of this client."));
			}
		}
		if (!errors.isEmpty()) {
			throw new MutationRejected(errors);
		}
	}

	/** The recording RM as the participant when none is named: the RM record the caller is bound to. */
	private String recorderOf(Actor actor, Client client) {
		String bound = this.policy.boundManager(actor.caller());
		if (bound == null || !client.managerUsernames().contains(bound)) {
			throw new MutationRejected(UserError.of(UserErrorCode.VALIDATION, List.of("input", "managers"),
					"Name the RMs who took part (usernames of this client's RMs)."));
		}
		return bound;
	}

	private static void changed(AuditEvent.Builder event, Update update, String field, @Nullable Object before,
			@Nullable Object after) {
		if (Objects.equals(before, after)) {
			return;
		}
		event.change(field, text(before), text(after));
		if (after == null) {
			update.unset(field);
		}
		else {
			update.set(field, after);
		}
	}

	private static @Nullable Object text(@Nullable Object value) {
		if (value instanceof List<?> list) {
			return list.isEmpty() ? null : String.join(",", list.stream().map(String::valueOf).toList());
		}
		return value;
	}

}
