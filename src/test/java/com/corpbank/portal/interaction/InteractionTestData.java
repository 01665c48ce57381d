package com.corpbank.portal.interaction;

import java.time.Instant;
import java.util.List;

import com.corpbank.portal.contact.Contact;
import com.corpbank.portal.support.TestIdentityProvider;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** Named interactions, contacts and the GraphQL documents the interaction tests send. */
final class InteractionTestData {

	static final String MOBILE = "13812345678";

	static final String MOBILE_MASKED = "138****5678";

	static final String RECORD = """
			mutation($input: RecordInteractionInput!) {
			  recordInteraction(input: $input) {
			    interaction { id clientId channel occurredAt managers contactIds summary nextStep followUpOn
			                  recordedAt recordedBy correctedAt version contacts { id name mobile masked } }
			    errors { code field message currentVersion }
			  }
			}""";

	static final String CORRECT = """
			mutation($input: CorrectInteractionInput!) {
			  correctInteraction(input: $input) {
			    interaction { id channel occurredAt managers contactIds summary nextStep followUpOn correctedAt version }
			    errors { code field message currentVersion }
			  }
			}""";

	static final String LIST = """
			query($filter: InteractionFilter, $first: Int, $after: String) {
			  interactions(filter: $filter, first: $first, after: $after) {
			    totalCount
			    edges { cursor node { id clientId channel managers client { id } contacts { id mobile masked } } }
			    pageInfo { hasNextPage endCursor }
			  }
			}""";

	private InteractionTestData() {
	}

	/** A contact of the client with {@link #MOBILE}, stored as addContact stores it. */
	static Contact contact(MongoTemplate store, String id, String clientId) {
		return store.insert(new Contact(id, clientId, "联系人" + id, "财务总监", MOBILE, "zhang.wei@example.com", null,
				Instant.parse("2026-01-05T02:00:00Z"), "fixture", null, null, 0L));
	}

	/** An interaction stored as recordInteraction stores it, recorded by {@code author} at {@code recordedAt}. */
	static Interaction interaction(MongoTemplate store, String id, String clientId, InteractionChannel channel,
			Instant occurredAt, List<String> managers, List<String> contactIds, String author, Instant recordedAt) {
		return store.insert(new Interaction(id, clientId, channel, occurredAt, managers, contactIds, "摘要 " + id, null,
				null, recordedAt, author, TestIdentityProvider.subjectOf(author), null, null, null, 0L));
	}

	/** The audit events about this interaction, as stored. */
	static List<Document> eventsAbout(MongoTemplate store, String interactionId) {
		return store.find(new Query(Criteria.where("entityId").is(interactionId)), Document.class, "audit_events");
	}

	static long allEvents(MongoTemplate store) {
		return store.count(new Query(), "audit_events");
	}

	static long allInteractions(MongoTemplate store) {
		return store.count(new Query(), "interactions");
	}

}
