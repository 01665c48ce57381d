package com.corpbank.portal.interaction;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.corpbank.portal.support.ClientBookFixture;
import com.corpbank.portal.support.PortalTest;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static com.corpbank.portal.interaction.InteractionTestData.RECORD;
import static com.corpbank.portal.interaction.InteractionTestData.allEvents;
import static com.corpbank.portal.interaction.InteractionTestData.allInteractions;
import static com.corpbank.portal.interaction.InteractionTestData.contact;
import static com.corpbank.portal.interaction.InteractionTestData.eventsAbout;
import static com.corpbank.portal.support.Testers.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code recordInteraction}: the client's own RMs (primary or co-RM) record; another RM's client is NOT_FOUND like a
 * missing one; other roles are FORBIDDEN; every rule of the input is a VALIDATION error on its path; a success writes
 * one audit event and a refusal writes nothing at all.
 */
@PortalTest
@Import(InteractionTestConfiguration.class)
class RecordInteractionTests {

	@Autowired
	HttpGraphQlTester graphQlTester;

	@Autowired
	MongoTemplate mongoTemplate;

	@Autowired
	InteractionTestConfiguration.MovableClock clock;

	@BeforeEach
	void book() {
		new ClientBookFixture(this.mongoTemplate).load();
		this.clock.set(InteractionTestConfiguration.START);
		contact(this.mongoTemplate, "CT-LI-1-A", "C-LI-1");
		contact(this.mongoTemplate, "CT-ZHANG-1-A", "C-ZHANG-1");
	}

	@Test
	void primaryRmRecordsAVisitWithContactsAndItIsAuditedOnce() {
		Map<String, Object> input = visit("C-LI-1");
		input.put("contactIds", List.of("CT-LI-1-A"));
		input.put("nextStep", "寄送授信方案");
		input.put("followUpOn", "2026-11-25");
		GraphQlTester.Response response = record("rm_li", input);
		response.path("recordInteraction.errors").entityList(Object.class).hasSize(0)
			.path("recordInteraction.interaction.clientId").entity(String.class).isEqualTo("C-LI-1")
			.path("recordInteraction.interaction.channel").entity(String.class).isEqualTo("VISIT")
			.path("recordInteraction.interaction.occurredAt").entity(String.class).isEqualTo("2026-11-19T06:30:00Z")
			.path("recordInteraction.interaction.managers").entityList(String.class).containsExactly("rm_li")
			.path("recordInteraction.interaction.contactIds").entityList(String.class).containsExactly("CT-LI-1-A")
			.path("recordInteraction.interaction.contacts[0].mobile").entity(String.class)
			.isEqualTo(InteractionTestData.MOBILE)
			.path("recordInteraction.interaction.followUpOn").entity(String.class).isEqualTo("2026-11-25")
			.path("recordInteraction.interaction.recordedAt").entity(String.class).isEqualTo("2026-11-20T02:00:00Z")
			.path("recordInteraction.interaction.recordedBy").entity(String.class).isEqualTo("rm_li")
			.path("recordInteraction.interaction.correctedAt").valueIsNull()
			.path("recordInteraction.interaction.version").entity(Integer.class).isEqualTo(0);
		String id = response.path("recordInteraction.interaction.id").entity(String.class).get();

		List<Document> events = eventsAbout(this.mongoTemplate, id);
		assertThat(events).singleElement().satisfies(event -> {
			assertThat(event.getString("operation")).isEqualTo("recordInteraction");
			assertThat(event.getString("entityType")).isEqualTo("Interaction");
			assertThat(event.getString("clientId")).isEqualTo("C-LI-1");
			assertThat(event.getString("actor")).isEqualTo("rm_li");
			assertThat(event.getList("changes", Document.class)).extracting(change -> change.getString("field"))
				.contains("channel", "occurredAt", "managers", "contactIds", "summary", "nextStep", "followUpOn");
		});
		assertThat(this.mongoTemplate.findById(id, Document.class, "interactions").getList("pendingOutbox", Object.class,
				List.of())).isEmpty();
	}

	@Test
	void coRmRecordsOnTheClientTheyCoServeNamingBothRms() {
		Map<String, Object> input = visit("C-LI-2");
		input.put("managers", List.of("rm_wang", "rm_li"));
		record("rm_wang", input).path("recordInteraction.errors").entityList(Object.class).hasSize(0)
			.path("recordInteraction.interaction.managers").entityList(String.class).containsExactly("rm_wang", "rm_li");
	}

	@Test
	void anotherRmsClientIsNotFoundExactlyLikeAMissingOneAndNothingIsWritten() {
		long events = allEvents(this.mongoTemplate);
		Object outOfScope = errorsOf(record("rm_li", visit("C-ZHANG-1")));
		Object missing = errorsOf(record("rm_li", visit("C-NOPE")));
		assertThat(outOfScope).isEqualTo(missing);
		assertThat(outOfScope.toString()).contains("NOT_FOUND").contains("clientId");
		assertThat(allInteractions(this.mongoTemplate)).isZero();
		assertThat(allEvents(this.mongoTemplate)).isEqualTo(events);
	}

	@Test
	void leadsRiskAnalystsAdminAndAuditorMayNotRecordEvenOnClientsTheySee() {
		for (String user : List.of("lead_sun", "mgr_chen", "risk_zhou", "analyst_wu", "admin", "auditor_qian")) {
			record(user, visit("C-LI-1")).path("recordInteraction.interaction").valueIsNull()
				.path("recordInteraction.errors[*].code").entityList(String.class)
				.satisfies(codes -> assertThat(codes).as(user).containsExactly("FORBIDDEN"));
		}
		assertThat(allInteractions(this.mongoTemplate)).isZero();
	}

	@Test
	void everyBrokenRuleIsAValidationErrorOnItsPathAndNothingIsWritten() {
		long events = allEvents(this.mongoTemplate);
		Map<String, Object> input = new HashMap<>();
		input.put("clientId", "C-LI-1");
		input.put("channel", "PHONE");
		input.put("occurredAt", "2026-11-20T03:00:00Z"); // an hour ahead of the clock
		input.put("summary", "  ");
		input.put("nextStep", "x".repeat(1001));
		input.put("followUpOn", "2026-11-19");
		record("rm_li", input).path("recordInteraction.interaction").valueIsNull()
			.path("recordInteraction.errors[*].field").entityList(Object.class)
			.satisfies(fields -> assertThat(fields).containsExactlyInAnyOrder(List.of("input", "occurredAt"),
					List.of("input", "summary"), List.of("input", "nextStep"), List.of("input", "followUpOn")))
			.path("recordInteraction.errors[*].code").entityList(String.class)
			.satisfies(codes -> assertThat(codes).containsOnly("VALIDATION"));

		Map<String, Object> early = visit("C-LI-1");
		early.put("followUpOn", "2026-11-18");
		record("rm_li", early).path("recordInteraction.errors[0].field").entityList(String.class)
			.containsExactly("input", "followUpOn");

		Map<String, Object> longSummary = visit("C-LI-1");
		longSummary.put("summary", "长".repeat(2001));
		record("rm_li", longSummary).path("recordInteraction.errors[0].field").entityList(String.class)
			.containsExactly("input", "summary");

		assertThat(allInteractions(this.mongoTemplate)).isZero();
		assertThat(allEvents(this.mongoTemplate)).isEqualTo(events);
	}

	@Test
	void aFollowUpOnTheSameBeijingDayIsAcceptedEvenWhenItIsTheDayBeforeInUtc() {
		Map<String, Object> input = visit("C-LI-1");
		input.put("occurredAt", "2026-11-18T17:00:00Z"); // 2026-11-19 01:00 in Beijing
		input.put("followUpOn", "2026-11-19");
		record("rm_li", input).path("recordInteraction.errors").entityList(Object.class).hasSize(0);
	}

	@Test
	void participantsMustBeTheClientsRmsAndContactsEachNamedByIndex() {
		long events = allEvents(this.mongoTemplate);
		Map<String, Object> input = visit("C-LI-1");
		input.put("managers", List.of("rm_li", "rm_zhang"));
		input.put("contactIds", List.of("CT-LI-1-A", "CT-ZHANG-1-A", "CT-NOPE"));
		record("rm_li", input).path("recordInteraction.interaction").valueIsNull()
			.path("recordInteraction.errors[*].field").entityList(Object.class)
			.satisfies(fields -> assertThat(fields).containsExactlyInAnyOrder(List.of("input", "managers", "1"),
					List.of("input", "contactIds", "1"), List.of("input", "contactIds", "2")));
		assertThat(allInteractions(this.mongoTemplate)).isZero();
		assertThat(allEvents(this.mongoTemplate)).isEqualTo(events);
	}

	@Test
	void aRemovedContactCannotBeNamed() {
		this.mongoTemplate.getCollection("contacts")
			.updateOne(new Document("_id", "CT-LI-1-A"),
					new Document("$set", new Document("removedAt", java.util.Date.from(Instant.parse("2026-11-01T00:00:00Z")))));
		Map<String, Object> input = visit("C-LI-1");
		input.put("contactIds", List.of("CT-LI-1-A"));
		record("rm_li", input).path("recordInteraction.errors[0].field").entityList(String.class)
			.containsExactly("input", "contactIds", "0");
	}

	private GraphQlTester.Response record(String user, Map<String, Object> input) {
		return as(this.graphQlTester, user).document(RECORD).variable("input", input).execute();
	}

	private static Object errorsOf(GraphQlTester.Response response) {
		return response.path("recordInteraction.errors").entityList(Object.class).get();
	}

	/** A visit yesterday afternoon (Beijing), with a summary. */
	static Map<String, Object> visit(String clientId) {
		Map<String, Object> input = new HashMap<>();
		input.put("clientId", clientId);
		input.put("channel", "VISIT");
		input.put("occurredAt", "2026-11-19T06:30:00Z");
		input.put("summary", "年度走访：讨论明年授信需求");
		return input;
	}

}
