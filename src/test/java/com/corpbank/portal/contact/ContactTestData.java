package com.corpbank.portal.contact;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.corpbank.portal.client.IdNumber;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/** Named contacts and the GraphQL documents the contact tests send. */
final class ContactTestData {

	/** A valid resident ID number (Beijing Chaoyang, born 1949-12-31). */
	static final String ID_NUMBER = withCheck("11010519491231002");

	static final String ID_NUMBER_MASKED = "110***********" + ID_NUMBER.substring(14);

	static final String MOBILE = "13812345678";

	static final String MOBILE_MASKED = "138****5678";

	static final String EMAIL = "zhang.wei@example.com";

	static final String EMAIL_MASKED = "z***@example.com";

	static final String ADD = """
			mutation($input: AddContactInput!) {
			  addContact(input: $input) {
			    contact { id clientId name title mobile email idNumber masked version }
			    errors { code field message currentVersion }
			  }
			}""";

	static final String UPDATE = """
			mutation($input: UpdateContactInput!) {
			  updateContact(input: $input) {
			    contact { id clientId name title mobile email idNumber masked version }
			    errors { code field message currentVersion }
			  }
			}""";

	static final String REMOVE = """
			mutation($input: RemoveContactInput!) {
			  removeContact(input: $input) {
			    removedContactId
			    errors { code field message currentVersion }
			  }
			}""";

	static final String REVEAL = """
			mutation($input: RevealContactInput!) {
			  revealContact(input: $input) {
			    contact { id clientId name title mobile email idNumber masked version }
			    errors { code field message currentVersion }
			  }
			}""";

	static final String CLIENT_CONTACTS = """
			query($id: ID!) {
			  client(id: $id) { id contacts { id name title mobile email idNumber masked version } }
			}""";

	private ContactTestData() {
	}

	static String withCheck(String first17) {
		return first17 + IdNumber.checkCharacter(first17);
	}

	/** A contact of the client, stored as addContact would (version 0), with the named data above. */
	static Contact contact(String id, String clientId) {
		return new Contact(id, clientId, "张伟 " + id, "财务总监", MOBILE, EMAIL, ID_NUMBER,
				Instant.parse("2026-01-05T02:00:00Z"), "seed", null, null, 0L);
	}

	/** A contact with no email and no ID number. */
	static Contact bareContact(String id, String clientId) {
		return new Contact(id, clientId, "李娜 " + id, null, "13900001111", null, null,
				Instant.parse("2026-01-06T02:00:00Z"), "seed", null, null, 0L);
	}

	static void store(MongoTemplate mongoTemplate, Contact... contacts) {
		for (Contact contact : contacts) {
			mongoTemplate.insert(contact);
		}
	}

	/** A full addContact input for the client; change entries with {@link #with}. */
	static Map<String, Object> addInput(String clientId) {
		Map<String, Object> input = new HashMap<>();
		input.put("clientId", clientId);
		input.put("name", "王芳");
		input.put("title", "财务经理");
		input.put("mobile", MOBILE);
		input.put("email", EMAIL);
		input.put("idNumber", ID_NUMBER);
		return input;
	}

	static Map<String, Object> with(Map<String, Object> input, String field, Object value) {
		Map<String, Object> changed = new HashMap<>(input);
		changed.put(field, value);
		return changed;
	}

	static Map<String, Object> without(Map<String, Object> input, String field) {
		Map<String, Object> changed = new HashMap<>(input);
		changed.remove(field);
		return changed;
	}

	/** Every audit event as stored, as JSON: to prove no personal data is in any of them. */
	static String auditTrailJson(MongoTemplate mongoTemplate) {
		List<Document> events = mongoTemplate.find(new Query(), Document.class, "audit_events");
		return events.stream().map(Document::toJson).reduce("", String::concat);
	}

}
