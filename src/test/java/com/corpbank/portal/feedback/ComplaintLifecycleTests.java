package com.corpbank.portal.feedback;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.corpbank.portal.support.ClientBookFixture;
import com.corpbank.portal.support.PortalTest;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static com.corpbank.portal.support.Testers.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The complaint lifecycle: raising (assignee, SLA), every legal step with who and when, every illegal step refused as
 * INVALID_TRANSITION with nothing written, reopening, who may move a complaint, versions, validation and the audit
 * trail.
 */
@PortalTest
class ComplaintLifecycleTests {

	private static final String COMPLAINT_FIELDS = """
			id clientId status assignee severity raisedAt raisedBy slaDueAt overdue resolution resolvedAt closedAt version
			transitions { action from to by at assignee note }""";

	@Autowired
	HttpGraphQlTester graphQlTester;

	@Autowired
	MongoTemplate mongoTemplate;

	@BeforeEach
	void loadBook() {
		new ClientBookFixture(this.mongoTemplate).load();
	}

	@Test
	void raisingAssignsTheClientsPrimaryRmAndDatesTheSlaBySeverity() {
		GraphQlTester.Response response = raise("rm_wang", Map.of("clientId", "C-LI-2", "category", "FEES_AND_CHARGES",
				"severity", "HIGH", "summary", "  收费不透明 / unexpected fees  "));
		response.path("raiseComplaint.errors").entityList(Object.class).hasSize(0);
		Map<String, Object> complaint = response.path("raiseComplaint.complaint").entity(Map.class).get();
		assertThat(complaint).containsEntry("status", "OPEN")
			.containsEntry("assignee", "rm_li")
			.containsEntry("raisedBy", "rm_wang")
			.containsEntry("overdue", false)
			.containsEntry("version", 0);
		Instant raisedAt = Instant.parse((String) complaint.get("raisedAt"));
		assertThat(Instant.parse((String) complaint.get("slaDueAt"))).isEqualTo(raisedAt.plus(Duration.ofDays(3)));
		assertThat((String) complaint.get("id")).startsWith("CP-");
		assertThat(transitionsOf(complaint)).singleElement()
			.satisfies(transition -> assertThat(transition).containsEntry("action", null)
			.containsEntry("to", "OPEN")
			.containsEntry("by", "rm_wang")
			.containsEntry("assignee", "rm_li"));
		Document stored = this.mongoTemplate.findById(complaint.get("id"), Document.class, "complaints");
		assertThat(stored.getString("summary")).isEqualTo("收费不透明 / unexpected fees");
		List<Document> events = eventsOf((String) complaint.get("id"));
		assertThat(events).singleElement().satisfies(event -> {
			assertThat(event.getString("operation")).isEqualTo("raiseComplaint");
			assertThat(event.getString("clientId")).isEqualTo("C-LI-2");
			assertThat(event.getString("actor")).isEqualTo("rm_wang");
		});
	}

	@Test
	void raisingMayNameAnotherRmOfTheClientButNoOneElse() {
		raise("lead_sun", Map.of("clientId", "C-LI-2", "category", "PRODUCT", "severity", "CRITICAL", "summary",
				"test: the product", "assignee", "rm_wang"))
			.path("raiseComplaint.complaint.assignee").entity(String.class).isEqualTo("rm_wang");
		raise("lead_sun", Map.of("clientId", "C-LI-2", "category", "PRODUCT", "severity", "LOW", "summary",
				"test: the product", "assignee", "rm_zhang"))
			.path("raiseComplaint.errors[0].code").entity(String.class).isEqualTo("VALIDATION")
			.path("raiseComplaint.errors[0].field").entityList(String.class).containsExactly("input", "assignee")
			.path("raiseComplaint.complaint").valueIsNull();
		assertThat(this.mongoTemplate.count(new Query(), "complaints")).isEqualTo(1);
	}

	@Test
	void raisingChecksEveryFieldAndTheScope() {
		raise("rm_li", Map.of("clientId", "C-LI-1", "category", "PRODUCT", "severity", "LOW", "summary", "   "))
			.path("raiseComplaint.errors[*].field").entityList(Object.class)
			.satisfies(fields -> assertThat(fields).containsExactly(List.of("input", "summary")));
		raise("rm_li", Map.of("clientId", "C-ZHANG-1", "category", "PRODUCT", "severity", "LOW", "summary", "x"))
			.path("raiseComplaint.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
		raise("risk_zhou", Map.of("clientId", "C-LI-1", "category", "PRODUCT", "severity", "LOW", "summary", "x"))
			.path("raiseComplaint.errors[0].code").entity(String.class).isEqualTo("FORBIDDEN");
		assertThat(this.mongoTemplate.count(new Query(), "complaints")).isZero();
	}

	@Test
	void everyLegalStepFromRaisingToClosingAndBackRecordsWhoAndWhen() {
		String id = raise("rm_li", Map.of("clientId", "C-LI-1", "category", "SERVICE_QUALITY", "severity", "MEDIUM",
				"summary", "test: slow service"))
			.path("raiseComplaint.complaint.id").entity(String.class).get();

		Map<String, Object> started = step("rm_li", "startComplaint", id, 0, Map.of("note", "called the CFO"));
		assertThat(started).containsEntry("status", "IN_PROGRESS").containsEntry("version", 1);
		Map<String, Object> resolved = step("rm_li", "resolveComplaint", id, 1, Map.of("resolution", "fee refunded"));
		assertThat(resolved).containsEntry("status", "RESOLVED").containsEntry("resolution", "fee refunded");
		assertThat(resolved.get("resolvedAt")).isNotNull();
		Map<String, Object> closed = step("lead_sun", "closeComplaint", id, 2, Map.of());
		assertThat(closed).containsEntry("status", "CLOSED");
		assertThat(closed.get("closedAt")).isNotNull();
		Map<String, Object> reopened = step("rm_li", "reopenComplaint", id, 3, Map.of("reason", "charged again"));
		assertThat(reopened).containsEntry("status", "IN_PROGRESS")
			.containsEntry("resolvedAt", null)
			.containsEntry("closedAt", null)
			.containsEntry("resolution", "fee refunded");
		step("rm_li", "resolveComplaint", id, 4, Map.of("resolution", "refunded twice"));
		Map<String, Object> again = step("mgr_chen", "reopenComplaint", id, 5, Map.of("reason", "still charged"));
		assertThat(again).containsEntry("status", "IN_PROGRESS").containsEntry("version", 6);

		List<Map<String, Object>> transitions = transitionsOf(again);
		assertThat(transitions).extracting(t -> t.get("action"))
			.containsExactly(null, "START", "RESOLVE", "CLOSE", "REOPEN", "RESOLVE", "REOPEN");
		assertThat(transitions).extracting(t -> t.get("from"))
			.containsExactly(null, "OPEN", "IN_PROGRESS", "RESOLVED", "CLOSED", "IN_PROGRESS", "RESOLVED");
		assertThat(transitions).extracting(t -> t.get("by"))
			.containsExactly("rm_li", "rm_li", "rm_li", "lead_sun", "rm_li", "rm_li", "mgr_chen");
		assertThat(transitions).extracting(t -> t.get("note"))
			.containsExactly(null, "called the CFO", "fee refunded", null, "charged again", "refunded twice",
					"still charged");
		assertThat(transitions).allSatisfy(t -> assertThat(t.get("at")).isNotNull());
		assertThat(eventsOf(id)).extracting(event -> event.getString("operation"))
			.containsExactly("raiseComplaint", "startComplaint", "resolveComplaint", "closeComplaint",
					"reopenComplaint", "resolveComplaint", "reopenComplaint");
		assertThat(eventsOf(id)).extracting(event -> event.get("entityVersion"))
			.containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
	}

	@Test
	void everyIllegalStepIsAnInvalidTransitionThatWritesNothing() {
		Map<String, Map<String, Object>> steps = new LinkedHashMap<>();
		steps.put("assignComplaint", Map.of("assignee", "rm_wang"));
		steps.put("startComplaint", Map.of());
		steps.put("resolveComplaint", Map.of("resolution", "done"));
		steps.put("closeComplaint", Map.of());
		steps.put("reopenComplaint", Map.of("reason", "again"));
		Map<ComplaintStatus, List<String>> legal = Map.of(ComplaintStatus.OPEN,
				List.of("assignComplaint", "startComplaint"), ComplaintStatus.IN_PROGRESS,
				List.of("assignComplaint", "resolveComplaint"), ComplaintStatus.RESOLVED,
				List.of("closeComplaint", "reopenComplaint"), ComplaintStatus.CLOSED, List.of("reopenComplaint"));
		List<String> refused = new ArrayList<>();
		for (ComplaintStatus status : ComplaintStatus.values()) {
			for (Map.Entry<String, Map<String, Object>> step : steps.entrySet()) {
				String id = "CP-ILLEGAL-" + status + "-" + step.getKey();
				FeedbackTestData.complaint(this.mongoTemplate, id, "C-LI-2", "rm_li", status);
				Document before = this.mongoTemplate.findById(id, Document.class, "complaints");
				GraphQlTester.Response response = call("rm_li", step.getKey(), id, 0, step.getValue());
				if (legal.get(status).contains(step.getKey())) {
					response.path(step.getKey() + ".errors").entityList(Object.class).hasSize(0);
					continue;
				}
				refused.add(status + " " + step.getKey());
				response.path(step.getKey() + ".errors[0].code").entity(String.class).isEqualTo("INVALID_TRANSITION")
					.path(step.getKey() + ".errors[0].field").entityList(String.class)
					.containsExactly("input", "complaintId")
					.path(step.getKey() + ".errors[0].message").entity(String.class)
					.satisfies(message -> assertThat(message).contains("is " + status))
					.path(step.getKey() + ".complaint").valueIsNull();
				assertThat(this.mongoTemplate.findById(id, Document.class, "complaints")).as(status + " " + step.getKey())
					.isEqualTo(before);
				assertThat(eventsOf(id)).isEmpty();
			}
		}
		// 4 statuses × 5 steps, 7 of them legal.
		assertThat(refused).hasSize(13);
	}

	@Test
	void anRmWorksAComplaintAsItsAssigneeOrTheClientsPrimaryRmLeadsAndBranchManagersAlways() {
		FeedbackTestData.complaint(this.mongoTemplate, "CP-WHO", "C-LI-2", "rm_li", ComplaintStatus.OPEN);
		// rm_wang co-serves C-LI-2 but is not the assignee: FORBIDDEN; rm_zhang does not see it: NOT_FOUND.
		call("rm_wang", "startComplaint", "CP-WHO", 0, Map.of()).path("startComplaint.errors[0].code")
			.entity(String.class).isEqualTo("FORBIDDEN");
		call("rm_zhang", "startComplaint", "CP-WHO", 0, Map.of()).path("startComplaint.errors[0].code")
			.entity(String.class).isEqualTo("NOT_FOUND");
		call("risk_zhou", "startComplaint", "CP-WHO", 0, Map.of()).path("startComplaint.errors[0].code")
			.entity(String.class).isEqualTo("FORBIDDEN");
		assertThat(eventsOf("CP-WHO")).isEmpty();
		// The team lead hands it to rm_wang, who may then work it.
		assertThat(step("lead_sun", "assignComplaint", "CP-WHO", 0, Map.of("assignee", "rm_wang", "note", "yours")))
			.containsEntry("assignee", "rm_wang").containsEntry("status", "OPEN");
		assertThat(step("rm_wang", "startComplaint", "CP-WHO", 1, Map.of())).containsEntry("status", "IN_PROGRESS");
		// The primary RM still may; assigning to the current assignee or to a non-RM of the client is refused.
		call("rm_li", "assignComplaint", "CP-WHO", 2, Map.of("assignee", "rm_wang"))
			.path("assignComplaint.errors[0].code").entity(String.class).isEqualTo("VALIDATION");
		call("rm_li", "assignComplaint", "CP-WHO", 2, Map.of("assignee", "rm_zhang"))
			.path("assignComplaint.errors[0].field").entityList(String.class).containsExactly("input", "assignee");
		assertThat(step("rm_li", "assignComplaint", "CP-WHO", 2, Map.of("assignee", "rm_li")))
			.containsEntry("assignee", "rm_li").containsEntry("status", "IN_PROGRESS");
		assertThat(eventsOf("CP-WHO")).extracting(event -> event.getString("actor"))
			.containsExactly("lead_sun", "rm_wang", "rm_li");
	}

	@Test
	void raisingAndEachReassignmentNotifyTheAssigneeInTheSameWriteOtherStepsDoNot() {
		String id = raise("rm_li", Map.of("clientId", "C-LI-2", "category", "PRODUCT", "severity", "HIGH", "summary",
				"test: notify"))
			.path("raiseComplaint.complaint.id").entity(String.class).get();
		assertThat(notificationsOf(id)).singleElement().satisfies(event -> {
			assertThat(event.getString("_id")).isEqualTo("CP-ASSIGNED:" + id + ":0");
			assertThat(event.getString("kind")).isEqualTo("COMPLAINT_ASSIGNED");
			assertThat(event.getString("clientId")).isEqualTo("C-LI-2");
			assertThat(event.getString("rmUsername")).isEqualTo("rm_li");
		});
		step("rm_li", "startComplaint", id, 0, Map.of());
		// A refused reassignment writes no event either.
		call("rm_li", "assignComplaint", id, 1, Map.of("assignee", "rm_zhang"))
			.path("assignComplaint.errors[0].code").entity(String.class).isEqualTo("VALIDATION");
		assertThat(notificationsOf(id)).hasSize(1);
		step("lead_sun", "assignComplaint", id, 1, Map.of("assignee", "rm_wang"));
		assertThat(notificationsOf(id)).extracting(event -> event.getString("_id") + " " + event.getString("rmUsername"))
			.containsExactlyInAnyOrder("CP-ASSIGNED:" + id + ":0 rm_li", "CP-ASSIGNED:" + id + ":2 rm_wang");
	}

	@Test
	void aStaleVersionIsAConflictAndNotesAreChecked() {
		FeedbackTestData.complaint(this.mongoTemplate, "CP-V", "C-LI-1", "rm_li", ComplaintStatus.IN_PROGRESS);
		call("rm_li", "resolveComplaint", "CP-V", 3, Map.of("resolution", "done"))
			.path("resolveComplaint.errors[0].code").entity(String.class).isEqualTo("CONFLICT")
			.path("resolveComplaint.errors[0].currentVersion").entity(Integer.class).isEqualTo(0);
		call("rm_li", "resolveComplaint", "CP-V", 0, Map.of("resolution", " "))
			.path("resolveComplaint.errors[0].field").entityList(String.class).containsExactly("input", "resolution");
		FeedbackTestData.complaint(this.mongoTemplate, "CP-R", "C-LI-1", "rm_li", ComplaintStatus.CLOSED);
		call("rm_li", "reopenComplaint", "CP-R", 0, Map.of("reason", "  "))
			.path("reopenComplaint.errors[0].field").entityList(String.class).containsExactly("input", "reason");
		call("rm_li", "startComplaint", "CP-NOPE", 0, Map.of()).path("startComplaint.errors[0].code")
			.entity(String.class).isEqualTo("NOT_FOUND");
		assertThat(eventsOf("CP-V")).isEmpty();
		assertThat(eventsOf("CP-R")).isEmpty();
	}

	@Test
	void overdueIsOpenAndPastTheSla() {
		FeedbackTestData.complaint(this.mongoTemplate, "CP-LATE", "C-LI-1", "rm_li", ComplaintStatus.IN_PROGRESS,
				ComplaintSeverity.CRITICAL, Duration.ofDays(2));
		FeedbackTestData.complaint(this.mongoTemplate, "CP-LATE-DONE", "C-LI-1", "rm_li", ComplaintStatus.RESOLVED,
				ComplaintSeverity.CRITICAL, Duration.ofDays(2));
		FeedbackTestData.complaint(this.mongoTemplate, "CP-ON-TIME", "C-LI-1", "rm_li", ComplaintStatus.OPEN,
				ComplaintSeverity.LOW, Duration.ofDays(2));
		as(this.graphQlTester, "rm_li").document("""
				{ late: complaints(filter: { overdue: true }) { totalCount edges { node { id overdue } } }
				  rest: complaints(filter: { overdue: false }) { edges { node { id overdue } } } }""")
			.execute()
			.path("late.edges[*].node.id").entityList(String.class).containsExactly("CP-LATE")
			.path("late.edges[0].node.overdue").entity(Boolean.class).isEqualTo(true)
			.path("rest.edges[*].node.id").entityList(String.class).containsExactly("CP-LATE-DONE", "CP-ON-TIME")
			.path("rest.edges[*].node.overdue").entityList(Boolean.class).containsExactly(false, false);
	}

	private GraphQlTester.Response raise(String user, Map<String, Object> input) {
		return as(this.graphQlTester, user).document("""
				mutation($input: RaiseComplaintInput!) {
				  raiseComplaint(input: $input) { complaint { %s } errors { code field message } }
				}""".formatted(COMPLAINT_FIELDS)).variable("input", input).execute();
	}

	private GraphQlTester.Response call(String user, String operation, String id, int version,
			Map<String, Object> fields) {
		Map<String, Object> input = new LinkedHashMap<>(fields);
		input.put("complaintId", id);
		input.put("expectedVersion", version);
		String type = Character.toUpperCase(operation.charAt(0)) + operation.substring(1) + "Input";
		return as(this.graphQlTester, user).document("""
				mutation($input: %s!) {
				  %s(input: $input) { complaint { %s } errors { code field message currentVersion } }
				}""".formatted(type, operation, COMPLAINT_FIELDS)).variable("input", input).execute();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> step(String user, String operation, String id, int version, Map<String, Object> fields) {
		GraphQlTester.Response response = call(user, operation, id, version, fields);
		response.path(operation + ".errors").entityList(Object.class).hasSize(0);
		return response.path(operation + ".complaint").entity(Map.class).get();
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> transitionsOf(Map<String, Object> complaint) {
		return (List<Map<String, Object>>) complaint.get("transitions");
	}

	private List<Document> notificationsOf(String complaintId) {
		return this.mongoTemplate.find(new Query(Criteria.where("subjectId").is(complaintId)), Document.class,
				"notifications");
	}

	private List<Document> eventsOf(String complaintId) {
		Query query = new Query(Criteria.where("entityId").is(complaintId));
		query.with(Sort.by("entityVersion"));
		return this.mongoTemplate.find(query, Document.class, "audit_events");
	}

}
