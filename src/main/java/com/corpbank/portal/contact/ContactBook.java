package com.corpbank.portal.contact;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.corpbank.portal.access.PersonalDataPolicy;
import com.corpbank.portal.access.PersonalDataPolicy.View;
import com.corpbank.portal.audit.Actor;
import com.corpbank.portal.audit.AuditEvent;
import com.corpbank.portal.audit.AuditedWrites;
import com.corpbank.portal.audit.WriteTarget;
import com.corpbank.portal.client.Client;
import com.corpbank.portal.client.ClientsInScope;
import com.corpbank.portal.write.InputCheck;
import com.corpbank.portal.write.MutationRejected;
import com.corpbank.portal.write.UserError;
import com.corpbank.portal.write.UserErrorCode;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.graphql.data.ArgumentValue;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Adds, changes, removes and reveals the contacts of a client. Writes are for the client's own RMs, reveals for the
 * leads who otherwise see contacts masked; every one is a single audited write (or, for a reveal, a single audit
 * event) whose audit event holds mobile, email and ID number masked.
 *
 * <p>Scope: a contact is reachable when its client is in the caller's scope for the operation; a contact of any
 * other client answers {@code NOT_FOUND}, exactly like an id that does not exist or a removed contact.
 */
@Service
public class ContactBook {

	/** A client's contacts are a list, not a page: the cap keeps {@code Client.contacts} small. */
	static final int MAX_CONTACTS_PER_CLIENT = 50;

	static final int MAX_PURPOSE = 200;

	static final String ENTITY_TYPE = "Contact";

	private static final WriteTarget CONTACT = WriteTarget.of("contact", "contactId");

	private final MongoTemplate mongoTemplate;

	private final ClientsInScope clients;

	private final AuditedWrites writes;

	private final Clock clock;

	ContactBook(MongoTemplate mongoTemplate, ClientsInScope clients, AuditedWrites writes, Clock clock) {
		this.mongoTemplate = mongoTemplate;
		this.clients = clients;
		this.writes = writes;
		this.clock = clock;
	}

	public ContactView add(Actor actor, AddContactInput input) {
		InputCheck check = InputCheck.of("input");
		String clientId = check.id("clientId", input.clientId());
		String name = ContactFields.name(check, input.name());
		String title = ContactFields.title(check, input.title());
		String mobile = ContactFields.mobile(check, input.mobile());
		String email = ContactFields.email(check, input.email());
		String idNumber = ContactFields.idNumber(check, input.idNumber());
		check.throwIfInvalid();

		this.clients.requireExists(actor.caller(), "addContact", clientId);
		// A soft cap: two adds racing at the limit may pass it by one; the list stays small either way.
		if (this.mongoTemplate.count(new Query(activeOf(clientId)), Contact.class) >= MAX_CONTACTS_PER_CLIENT) {
			throw new MutationRejected(UserError.of(UserErrorCode.VALIDATION, List.of("input", "clientId"),
					"A client has at most " + MAX_CONTACTS_PER_CLIENT + " contacts: remove one before adding another."));
		}

		Instant now = this.clock.instant();
		Contact contact = new Contact(UUID.randomUUID().toString(), clientId, name, title, mobile, email, idNumber,
				now, actor.caller().username(), null, null, 0L);
		AuditEvent event = AuditEvent.by(actor, now, "addContact")
			.change("clientId", null, clientId)
			.change("name", null, name)
			.change("title", null, title)
			.maskedChange("mobile", null, mobile, PersonalDataPolicy::maskMobile)
			.maskedChange("email", null, email, PersonalDataPolicy::maskEmail)
			.maskedChange("idNumber", null, idNumber, PersonalDataPolicy::maskIdNumber)
			.about(ENTITY_TYPE, contact.id(), 0L, contact.clientId());
		return ContactView.of(this.writes.insert(contact, event), View.FULL);
	}

	public ContactView update(Actor actor, UpdateContactInput input) {
		InputCheck check = InputCheck.of("input");
		String contactId = check.id("contactId", input.contactId());
		String name = given(input.name()) ? ContactFields.name(check, input.name().value()) : null;
		String title = given(input.title()) ? ContactFields.title(check, input.title().value()) : null;
		String mobile = given(input.mobile()) ? ContactFields.mobile(check, input.mobile().value()) : null;
		String email = given(input.email()) ? ContactFields.email(check, input.email().value()) : null;
		String idNumber = given(input.idNumber()) ? ContactFields.idNumber(check, input.idNumber().value()) : null;
		String reason = check.reason(input.reason());
		long expectedVersion = check.expectedVersion(input.expectedVersion());
		List<UserError> errors = new ArrayList<>(check.errors());
		boolean anyGiven = List.of(input.name(), input.title(), input.mobile(), input.email(), input.idNumber())
			.stream()
			.anyMatch(ContactBook::given);
		if (!anyGiven) {
			errors.add(UserError.of(UserErrorCode.VALIDATION, List.of("input"),
					"Give at least one of name, title, mobile, email or idNumber to change."));
		}
		if (!errors.isEmpty()) {
			throw new MutationRejected(errors);
		}

		Contact current = inScope(actor, "updateContact", contactId);
		requireVersion(current, expectedVersion);
		Instant now = this.clock.instant();
		AuditEvent.Builder event = AuditEvent.by(actor, now, "updateContact").reason(reason);
		Update update = new Update();
		if (given(input.name())) {
			event.change("name", current.name(), name);
			update.set("name", name);
		}
		if (given(input.title())) {
			event.change("title", current.title(), title);
			setOrUnset(update, "title", title);
		}
		if (given(input.mobile())) {
			event.maskedChange("mobile", current.mobile(), mobile, PersonalDataPolicy::maskMobile);
			update.set("mobile", mobile);
		}
		if (given(input.email())) {
			event.maskedChange("email", current.email(), email, PersonalDataPolicy::maskEmail);
			setOrUnset(update, "email", email);
		}
		if (given(input.idNumber())) {
			event.maskedChange("idNumber", current.idNumber(), idNumber, PersonalDataPolicy::maskIdNumber);
			setOrUnset(update, "idNumber", idNumber);
		}
		if (!event.hasChanges()) {
			// No write and no event for a change that is not one.
			throw new MutationRejected(UserError.of(UserErrorCode.VALIDATION, List.of("input"),
					"Nothing changes: every field given already has this value."));
		}
		Contact written = this.writes.update(Contact.class, activeContact(contactId), expectedVersion, update,
				CONTACT, event.about(ENTITY_TYPE, contactId, expectedVersion + 1, current.clientId()));
		return ContactView.of(written, View.FULL);
	}

	/** Marks the contact removed (kept for its audit trail, never listed again); returns its id. */
	public String remove(Actor actor, RemoveContactInput input) {
		InputCheck check = InputCheck.of("input");
		String contactId = check.id("contactId", input.contactId());
		long expectedVersion = check.expectedVersion(input.expectedVersion());
		String reason = check.reason(input.reason());
		check.throwIfInvalid();

		Contact current = inScope(actor, "removeContact", contactId);
		requireVersion(current, expectedVersion);
		Instant now = this.clock.instant();
		AuditEvent event = AuditEvent.by(actor, now, "removeContact")
			.reason(reason)
			.change("removed", false, true)
			.about(ENTITY_TYPE, contactId, expectedVersion + 1, current.clientId());
		this.writes.update(Contact.class, activeContact(contactId), expectedVersion,
				new Update().set("removedAt", now).set("removedBy", actor.caller().username()), CONTACT, event);
		return contactId;
	}

	/**
	 * The contact unmasked, for a lead who states why. The audit event is written first: a reveal that could not be
	 * recorded reveals nothing. The event holds the purpose, never the data shown.
	 */
	public ContactView reveal(Actor actor, RevealContactInput input) {
		InputCheck check = InputCheck.of("input");
		String contactId = check.id("contactId", input.contactId());
		String purpose = check.requiredText("purpose", input.purpose(), MAX_PURPOSE);
		check.throwIfInvalid();

		Contact contact = inScope(actor, "revealContact", contactId);
		this.writes.record(AuditEvent.by(actor, this.clock.instant(), "revealContact")
			.reason(purpose)
			.about(ENTITY_TYPE, contactId, null, contact.clientId()));
		return ContactView.of(contact, View.FULL);
	}

	/** The listed (not removed) contacts of these clients, oldest first, in one query. */
	Map<String, List<Contact>> activeByClient(Collection<String> clientIds) {
		Map<String, List<Contact>> byClient = new LinkedHashMap<>();
		if (clientIds.isEmpty()) {
			return byClient;
		}
		Query query = new Query(Criteria.where("clientId").in(clientIds).and("removedAt").is(null))
			.with(Sort.by("clientId", "createdAt", "_id"));
		for (Contact contact : this.mongoTemplate.find(query, Contact.class)) {
			byClient.computeIfAbsent(contact.clientId(), id -> new ArrayList<>()).add(contact);
		}
		return byClient;
	}

	/**
	 * The listed (not removed) contacts with these ids, by id, in one query; for features that name contacts (an
	 * interaction's participants). The caller applies its view ({@link ContactView#of}) before handing any out.
	 */
	public Map<String, Contact> listed(Collection<String> contactIds) {
		Map<String, Contact> byId = new LinkedHashMap<>();
		if (contactIds.isEmpty()) {
			return byId;
		}
		for (Contact contact : this.mongoTemplate.find(
				new Query(Criteria.where("_id").in(contactIds).and("removedAt").is(null)), Contact.class)) {
			byId.put(contact.id(), contact);
		}
		return byId;
	}

	/** A listed contact whose client is in the caller's scope for the operation; NOT_FOUND otherwise. */
	private Contact inScope(Actor actor, String operation, String contactId) {
		Contact contact = this.mongoTemplate.findOne(new Query(activeContact(contactId)), Contact.class);
		if (contact != null && this.clients.isInScope(actor.caller(), operation, contact.clientId())) {
			return contact;
		}
		throw new MutationRejected(UserError.notFound(CONTACT.idField(), CONTACT.what()));
	}

	/** Checked before the write as well, so a stale version is reported before "nothing changes". */
	private static void requireVersion(Contact current, long expectedVersion) {
		if (current.currentVersion() != expectedVersion) {
			throw new MutationRejected(UserError.conflict(CONTACT.versionField(), current.currentVersion()));
		}
	}

	private static Criteria activeContact(String contactId) {
		return Criteria.where("_id").is(contactId).and("removedAt").is(null);
	}

	private static Criteria activeOf(String clientId) {
		return Criteria.where("clientId").is(clientId).and("removedAt").is(null);
	}

	private static boolean given(ArgumentValue<String> value) {
		return !value.isOmitted();
	}

	private static void setOrUnset(Update update, String field, @Nullable String value) {
		if (value != null) {
			update.set(field, value);
		}
		else {
			update.unset(field);
		}
	}

}
