package com.corpbank.portal.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.corpbank.portal.graphql.KeysetCursor;
import com.corpbank.portal.security.Caller;
import com.corpbank.portal.security.Role;
import com.corpbank.portal.seed.DemoDirectory;
import com.corpbank.portal.support.ClientBookFixture;
import com.corpbank.portal.support.PortalTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static com.corpbank.portal.support.Testers.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code auditEvents}: AUDITOR only, however it is asked for; filters that all must hold; newest first with keyset
 * cursors; typed INVALID_ARGUMENT for arguments a caller can fix; and a read sees an event a crash left pending.
 */
@PortalTest
class AuditEventsQueryTests {

	private static final String PAGE = """
			query($filter: AuditEventFilter, $first: Int, $after: String) {
			  auditEvents(filter: $filter, first: $first, after: $after) {
			    edges { cursor node { id at actor actorRoles operation entityType entityId entityVersion
			                          changes { field before after } reason requestId } }
			    pageInfo { hasNextPage endCursor }
			  }
			}""";

	@Autowired
	HttpGraphQlTester graphQlTester;

	@Autowired
	MongoTemplate mongoTemplate;

	@Autowired
	AuditedWrites writes;

	@BeforeEach
	void loadBook() {
		new ClientBookFixture(this.mongoTemplate).load();
	}

	// ---- who may read --------------------------------------------------------------------------------------------

	@Test
	void everyRoleButAuditorIsForbiddenAndSeesNoEvent() {
		AuditEvent event = seed("rm_li", "updateClient", "C-LI-1", "2026-05-01T08:00:00Z");
		List<String> others = new ArrayList<>(
				DemoDirectory.get().people().stream().map(DemoDirectory.Person::username).toList());
		others.remove("auditor_qian");
		others.addAll(List.of("lead_rm_wang", "nobody"));
		for (String user : others) {
			for (String document : List.of("{ auditEvents { edges { node { id actor } } } }",
					"{ trail: auditEvents(first: 100) { edges { node { id } } } }",
					"{ me { username } auditEvents { edges { node { id } } } }",
					"query Sneaky { a: auditEvents(filter: {entityId: \"C-LI-1\"}) { pageInfo { endCursor } } }")) {
				as(this.graphQlTester, user).document(document)
					.execute()
					.errors()
					.satisfy(errors -> assertThat(errors).as(user + ": " + document).singleElement().satisfies(
							error -> {
								assertThat(error.getErrorType()).isEqualTo(ErrorType.FORBIDDEN);
								assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN");
								assertThat(error.toString()).doesNotContain(event.id());
							}))
					// auditEvents is non-null: its refusal nulls the whole data, other fields included
					.path("")
					.valueIsNull();
			}
		}
	}

	@Test
	void auditorReadsTheWholeEvent() {
		AuditEvent event = seed("rm_li", "updateClient", "C-LI-1", "2026-05-01T08:00:00Z");
		GraphQlTester.Response response = page(Map.of());
		response.path("auditEvents.edges[*].node.id").entityList(String.class).containsExactly(event.id());
		response.path("auditEvents.edges[0].node").entity(Map.class).satisfies(node -> {
			assertThat(node).containsEntry("actor", "rm_li")
				.containsEntry("actorRoles", List.of("RM"))
				.containsEntry("operation", "updateClient")
				.containsEntry("entityType", "Client")
				.containsEntry("entityId", "C-LI-1")
				.containsEntry("entityVersion", 1)
				.containsEntry("reason", "seeded")
				.containsEntry("requestId", "req-seeded-0001")
				.containsEntry("changes", List.of(Map.of("field", "name", "before", "旧名", "after", "新名")));
			assertThat(Instant.parse((String) node.get("at"))).isEqualTo(Instant.parse("2026-05-01T08:00:00Z"));
		});
	}

	// ---- filters -------------------------------------------------------------------------------------------------

	@Test
	void eachFilterAndTheirCombinationSelectTheEventsNewestFirst() {
		AuditEvent risk = seed("risk_zhou", "setRiskGrade", "C-LI-1", "2026-01-01T00:00:00Z");
		AuditEvent update = seed("rm_li", "updateClient", "C-LI-1", "2026-02-01T00:00:00Z");
		AuditEvent contact = seed("rm_li", "addContact", "CT-1", "2026-03-01T00:00:00Z");
		AuditEvent reveal = seed("lead_sun", "revealContact", "CT-1", "2026-04-01T00:00:00Z");

		assertThat(ids(Map.of())).containsExactly(reveal.id(), contact.id(), update.id(), risk.id());
		assertThat(ids(Map.of("actor", "rm_li"))).containsExactly(contact.id(), update.id());
		assertThat(ids(Map.of("entityId", "C-LI-1"))).containsExactly(update.id(), risk.id());
		assertThat(ids(Map.of("operation", "revealContact"))).containsExactly(reveal.id());
		// from is inclusive, to exclusive
		assertThat(ids(Map.of("from", "2026-02-01T00:00:00Z", "to", "2026-04-01T00:00:00Z")))
			.containsExactly(contact.id(), update.id());
		assertThat(ids(Map.of("from", "2026-04-01T00:00:00Z"))).containsExactly(reveal.id());
		assertThat(ids(Map.of("to", "2026-01-01T00:00:00.001Z"))).containsExactly(risk.id());
		assertThat(ids(Map.of("actor", "rm_li", "entityId", "CT-1"))).containsExactly(contact.id());
		assertThat(ids(Map.of("actor", "rm_li", "operation", "revealContact"))).isEmpty();
		assertThat(ids(Map.of("actor", "nobody-at-all"))).isEmpty();
	}

	@Test
	void filterValuesAreDataNeverOperators() {
		seed("rm_li", "updateClient", "C-LI-1", "2026-02-01T00:00:00Z");
		AuditEvent odd = seed("{\"$gt\": \"\"}", "a.b$c", "C-LI-1", "2026-03-01T00:00:00Z");
		assertThat(ids(Map.of("actor", "{\"$gt\": \"\"}"))).containsExactly(odd.id());
		assertThat(ids(Map.of("operation", "a.b$c"))).containsExactly(odd.id());
		assertThat(ids(Map.of("actor", ".*"))).isEmpty();
		assertThat(ids(Map.of("entityId", "{\"$ne\": null}"))).isEmpty();
	}

	// ---- paging --------------------------------------------------------------------------------------------------

	@Test
	void pagesWalkTheTrailNewestFirstWithoutSkipsOrRepeatsThroughTies() {
		List<AuditEvent> seeded = new ArrayList<>();
		for (int i = 0; i < 25; i++) {
			// Groups of three share an instant: the id breaks the tie.
			seeded.add(seed("rm_li", "updateClient", "C-LI-1", Instant.parse("2026-01-01T00:00:00Z")
				.plusSeconds(60L * (i / 3))
				.toString()));
		}
		List<String> expected = seeded.stream()
			.sorted((a, b) -> (a.at().equals(b.at())) ? b.id().compareTo(a.id()) : b.at().compareTo(a.at()))
			.map(AuditEvent::id)
			.toList();

		List<String> walked = new ArrayList<>();
		String after = null;
		List<Boolean> hasNext = new ArrayList<>();
		do {
			Map<String, Object> variables = new HashMap<>(Map.of("first", 10));
			if (after != null) {
				variables.put("after", after);
			}
			GraphQlTester.Response response = as(this.graphQlTester, "auditor_qian").document(PAGE)
				.variables(variables)
				.execute();
			walked.addAll(response.path("auditEvents.edges[*].node.id").entityList(String.class).get());
			hasNext.add(response.path("auditEvents.pageInfo.hasNextPage").entity(Boolean.class).get());
			after = response.path("auditEvents.pageInfo.endCursor").entity(String.class).get();
		}
		while (hasNext.get(hasNext.size() - 1));

		assertThat(walked).containsExactlyElementsOf(expected);
		assertThat(hasNext).containsExactly(true, true, false);
	}

	@Test
	void anEdgeCursorResumesRightAfterItsEdge() {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			ids.add(0, seed("rm_li", "updateClient", "C-LI-1", "2026-01-0" + (i + 1) + "T00:00:00Z").id());
		}
		String second = page(Map.of("first", 5)).path("auditEvents.edges[1].cursor").entity(String.class).get();
		assertThat(page(Map.of("first", 2, "after", second)).path("auditEvents.edges[*].node.id")
			.entityList(String.class)
			.get()).containsExactly(ids.get(2), ids.get(3));
	}

	@Test
	void theSameFilterAppliesOnEveryPage() {
		for (int i = 0; i < 6; i++) {
			seed((i % 2 == 0) ? "rm_li" : "rm_wang", "updateClient", "C-LI-1", "2026-01-0" + (i + 1) + "T00:00:00Z");
		}
		String after = page(Map.of("first", 2, "filter", Map.of("actor", "rm_li"))).path("auditEvents.pageInfo.endCursor")
			.entity(String.class)
			.get();
		page(Map.of("first", 5, "after", after, "filter", Map.of("actor", "rm_li")))
			.path("auditEvents.edges[*].node.actor").entityList(String.class).containsExactly("rm_li");
	}

	@Test
	void anEmptyPageHasNoEndCursor() {
		seed("rm_li", "updateClient", "C-LI-1", "2026-01-01T00:00:00Z");
		GraphQlTester.Response empty = page(Map.of("first", 0));
		empty.path("auditEvents.edges").entityList(Object.class).hasSize(0);
		empty.path("auditEvents.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		empty.path("auditEvents.pageInfo.endCursor").valueIsNull();
	}

	// ---- arguments a caller can fix ------------------------------------------------------------------------------

	@Test
	void badCursorsAndPageSizesAreTypedInvalidArguments() {
		invalid(Map.of("after", "not-a-cursor!"), "after", "Not a valid cursor");
		invalid(Map.of("after", "x".repeat(2000)), "after", "Not a valid cursor");
		// a cursor of another list (a client page) is not one of the trail's
		String clientCursor = as(this.graphQlTester, "rm_li").document("{ clients(first: 1) { pageInfo { endCursor } } }")
			.execute()
			.path("clients.pageInfo.endCursor")
			.entity(String.class)
			.get();
		invalid(Map.of("after", clientCursor), "after", "another order");
		invalid(Map.of("first", 101), "first", "between 0 and 100");
		invalid(Map.of("first", -1), "first", "between 0 and 100");
	}

	@Test
	void badFilterTextIsATypedInvalidArgument() {
		invalid(Map.of("filter", Map.of("actor", "rm_li\u0000")), "filter.actor", "plain text");
		invalid(Map.of("filter", Map.of("operation", "x".repeat(101))), "filter.operation", "plain text");
		invalid(Map.of("filter", Map.of("entityId", "C-LI-1\n")), "filter.entityId", "plain text");
	}

	@Test
	void aCursorForgedWithABadInstantIsATypedInvalidArgument() {
		String forged = new KeysetCursor(AuditTrail.ORDER, "yesterday", "abc").encode();
		invalid(Map.of("after", forged), "after", "Not a valid cursor");
	}

	@Test
	void aDateTimeFilterOfTheWrongShapeIsRefusedBeforeItRuns() {
		as(this.graphQlTester, "auditor_qian").document(PAGE)
			.variable("filter", Map.of("from", "last tuesday"))
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
				assertThat(error.getExtensions()).containsEntry("code", "INVALID_ARGUMENT")
					.containsEntry("argument", "$filter");
				assertThat(error.getMessage()).doesNotContain("Exception").doesNotContain("java.");
			}));
	}

	// ---- what a read sees ----------------------------------------------------------------------------------------

	@Test
	void aReadShowsAnEventACrashLeftPendingInItsDocumentExactlyOnce() {
		AuditEvent pending = AuditEvent.by(actor("risk_zhou", Role.RISK_OFFICER), Instant.parse("2026-06-01T00:00:00Z"),
				"setRiskGrade").reason("left behind").change("risk.rating", "A", "BBB").aboutClient("C-LI-1", 1L);
		leavePending("C-LI-1", pending);

		page(Map.of()).path("auditEvents.edges[*].node.id").entityList(String.class).containsExactly(pending.id());
		page(Map.of()).path("auditEvents.edges[*].node.id").entityList(String.class).containsExactly(pending.id());
		assertThat(this.mongoTemplate.count(new Query(Criteria.where(OutboxRelay.PENDING_FIELD + "._id").exists(true)),
				"clients")).isZero();
	}

	// ---- helpers -------------------------------------------------------------------------------------------------

	/** Puts the event in the client's outbox as a write would, without moving it: a crash right after the write. */
	void leavePending(String clientId, AuditEvent event) {
		org.bson.Document content = new org.bson.Document();
		this.mongoTemplate.getConverter().write(event, content);
		this.mongoTemplate.updateFirst(new Query(Criteria.where("_id").is(clientId)),
				new Update().push(OutboxRelay.PENDING_FIELD,
						new org.bson.Document("_id", event.id()).append("collection", "audit_events")
							.append("document", content)),
				"clients");
	}

	private AuditEvent seed(String actor, String operation, String entityId, String at) {
		AuditEvent event = AuditEvent.by(actor(actor, Role.RM), Instant.parse(at), operation)
			.reason("seeded")
			.change("name", "旧名", "新名")
			.aboutClient(entityId, 1L);
		this.writes.record(event);
		return event;
	}

	static Actor actor(String username, Role role) {
		return new Actor(new Caller("sub-" + username, username, username, Set.of(role), null), "req-seeded-0001");
	}

	private GraphQlTester.Response page(Map<String, Object> variables) {
		return as(this.graphQlTester, "auditor_qian").document(PAGE).variables(variables).execute();
	}

	private List<String> ids(Map<String, Object> filter) {
		return page(Map.of("filter", filter, "first", 100)).path("auditEvents.edges[*].node.id")
			.entityList(String.class)
			.get();
	}

	private void invalid(Map<String, Object> variables, String argument, String messagePart) {
		page(variables).errors().satisfy(errors -> assertThat(errors).singleElement().satisfies((ResponseError error) -> {
			assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
			assertThat(error.getExtensions()).containsEntry("code", "INVALID_ARGUMENT")
				.containsEntry("argument", argument);
			assertThat(error.getMessage()).contains(messagePart);
		}));
	}

}
