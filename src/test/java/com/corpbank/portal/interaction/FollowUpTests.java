package com.corpbank.portal.interaction;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.corpbank.portal.client.Client;
import com.corpbank.portal.client.FollowUp;
import com.corpbank.portal.followup.FollowUpSchedule;
import com.corpbank.portal.support.ClientBookFixture;
import com.corpbank.portal.support.PortalTest;
import com.corpbank.portal.support.TestIdentityProvider;
import com.corpbank.portal.tier.ValueTierCode;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static com.corpbank.portal.interaction.InteractionTestData.RECORD;
import static com.corpbank.portal.support.Testers.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Follow-up plans 定期回访 through the API: a recorded interaction completes and reschedules, a handover moves the
 * follow-up in the handover's one write, scope hides another RM's, and the sweep finishes an interaction whose client
 * write a crash cut off (evaluation: {@code tiering.FollowUpEvaluationTests}). The clock stands at 2026-11-20 10:00 Beijing time.
 */
@PortalTest
@Import(InteractionTestConfiguration.class)
class FollowUpTests {

	private static final String ASSIGN = """
			mutation($input: AssignClientInput!) { assignClient(input: $input) { client { id } errors { code field message } } }""";

	private static final String NEXT = """
			query($id: ID!) { client(id: $id) { id nextFollowUp { dueOn rmUsername scheduledFrom overdue } } }""";

	@Autowired
	HttpGraphQlTester graphQlTester;

	@Autowired
	MongoTemplate mongoTemplate;

	@Autowired
	InteractionTestConfiguration.MovableClock movableClock;

	@Autowired
	FollowUpSchedule schedule;

	@Autowired
	InteractionFollowUps followUps;

	@BeforeEach
	void book() {
		new ClientBookFixture(this.mongoTemplate).loadWithRelationshipData();
		this.movableClock.set(InteractionTestConfiguration.START);
	}

	@Test
	void aRecordedInteractionCompletesTheOverdueFollowUpAndSchedulesTheNextByTheTiersCadence() {
		dueFollowUp("C-LI-1", "rm_li");
		next("rm_li", "C-LI-1").path("client.nextFollowUp.overdue").entity(Boolean.class).isEqualTo(true);

		String id = record("rm_li", InteractionFollowUpInput.visit("C-LI-1", null));

		// C-LI-1 is A: monthly, from the interaction's Beijing date (2026-11-19 14:30).
		next("rm_li", "C-LI-1").path("client.nextFollowUp.dueOn").entity(String.class).isEqualTo("2026-12-19")
			.path("client.nextFollowUp.scheduledFrom").entity(String.class).isEqualTo("2026-11-19")
			.path("client.nextFollowUp.rmUsername").entity(String.class).isEqualTo("rm_li")
			.path("client.nextFollowUp.overdue").entity(Boolean.class).isEqualTo(false);
		assertThat(client("C-LI-1").followUp().lastInteractionId()).isEqualTo(id);
		assertThat(this.mongoTemplate.findById(id, Document.class, "interactions")).doesNotContainKey("followUpApplied");
		assertThat(this.mongoTemplate.find(new Query(Criteria.where("entityId").is("C-LI-1")
			.and("operation").is("recordInteraction")), Document.class, "audit_events")).hasSize(1);
	}

	@Test
	void anEarlierFollowUpOnFromTheInteractionWinsALaterOneDoesNotPostponeTheCadence() {
		dueFollowUp("C-LI-1", "rm_li");
		record("rm_li", InteractionFollowUpInput.visit("C-LI-1", "2026-11-25"));
		assertThat(client("C-LI-1").followUp().dueOn()).isEqualTo(LocalDate.of(2026, 11, 25));

		this.movableClock.set(Instant.parse("2026-11-21T02:00:00Z"));
		Map<String, Object> later = InteractionFollowUpInput.visit("C-LI-1", "2027-03-01");
		later.put("occurredAt", "2026-11-21T01:00:00Z");
		record("rm_li", later);
		assertThat(client("C-LI-1").followUp().dueOn()).isEqualTo(LocalDate.of(2026, 12, 21));
	}

	@Test
	void aHandoverMovesTheFollowUpToTheNewPrimaryInTheSameWriteAndTheOldRmNoLongerSeesIt() {
		dueFollowUp("C-LI-1", "rm_li");
		long version = client("C-LI-1").version();

		as(this.graphQlTester, "lead_sun").document(ASSIGN)
			.variable("input", Map.of("clientId", "C-LI-1", "primaryManager", "rm_zhang", "coManagers", List.of(),
					"reason", "rm_li moves to trade finance", "expectedVersion", version))
			.execute()
			.path("assignClient.errors").entityList(Object.class).hasSize(0);

		Client after = client("C-LI-1");
		assertThat(after.version()).isEqualTo(version + 1);
		assertThat(after.primaryManager()).isEqualTo("rm_zhang");
		assertThat(after.followUp().rmUsername()).isEqualTo("rm_zhang");
		assertThat(after.followUp().dueOn()).isEqualTo(LocalDate.of(2026, 11, 15));
		assertThat(this.mongoTemplate.find(new Query(Criteria.where("entityId").is("C-LI-1")
			.and("operation").is("assignClient")), Document.class, "audit_events")).singleElement()
			.satisfies(event -> assertThat(event.getList("changes", Document.class))
				.extracting(change -> change.getString("field"))
				.contains("primaryManager", "followUp.rmUsername"));
		next("rm_li", "C-LI-1").path("client").valueIsNull();
		next("rm_zhang", "C-LI-1").path("client.nextFollowUp.rmUsername").entity(String.class).isEqualTo("rm_zhang");
	}

	@Test
	void anotherRmsClientsFollowUpIsNotVisible() {
		dueFollowUp("C-WANG-1", "rm_wang");
		next("rm_li", "C-WANG-1").path("client").valueIsNull();
		next("rm_wang", "C-WANG-1").path("client.nextFollowUp.dueOn").entity(String.class).isEqualTo("2026-11-15");
	}

	@Test
	void theClientListFiltersByFollowUpDueDateAndRmWithinTheCallersScope() {
		dueFollowUp("C-LI-1", "rm_li");
		dueFollowUp("C-WANG-1", "rm_wang");
		this.mongoTemplate.updateFirst(new Query(Criteria.where("_id").is("C-LI-2")),
				new Update().set("followUp", new FollowUp(LocalDate.of(2027, 1, 15), "rm_li", LocalDate.of(2026, 10, 15),
						ValueTierCode.B, null, null)),
				Client.class);
		String list = """
				query($f: ClientFilter) { clients(filter: $f, first: 50) { totalCount edges { node { id nextFollowUp { dueOn } } } } }""";

		// Overdue today (2026-11-20): only C-LI-1 for rm_li; C-WANG-1 is overdue too but not in rm_li's book.
		as(this.graphQlTester, "rm_li").document(list).variable("f", Map.of("followUpDueBefore", "2026-11-20"))
			.execute()
			.path("clients.edges[*].node.id").entityList(String.class).containsExactly("C-LI-1");
		as(this.graphQlTester, "rm_li").document(list).variable("f", Map.of("followUpManager", "rm_li"))
			.execute()
			.path("clients.totalCount").entity(Integer.class).isEqualTo(2);
		as(this.graphQlTester, "rm_li").document(list).variable("f", Map.of("followUpManager", "rm_wang"))
			.execute()
			.path("clients.totalCount").entity(Integer.class).isEqualTo(0);
		// The lead of both teams' branch sees both overdue ones.
		as(this.graphQlTester, "mgr_chen").document(list).variable("f", Map.of("followUpDueBefore", "2026-11-20"))
			.execute()
			.path("clients.edges[*].node.id").entityList(String.class).contains("C-LI-1", "C-WANG-1").hasSize(2);
		// The RM filter is a username, never a query: an operator document is a typed INVALID_ARGUMENT.
		as(this.graphQlTester, "rm_li").document(list).variable("f", Map.of("followUpManager", "{\"$gt\": \"\"}"))
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "INVALID_ARGUMENT")
					.containsEntry("argument", "filter.followUpManager")));
	}

	@Test
	void aCrashBetweenTheInteractionInsertAndTheClientWriteIsFinishedByTheSweepOnce() {
		dueFollowUp("C-LI-1", "rm_li");
		long version = client("C-LI-1").version();
		// What a crash right after the interaction's insert leaves: the interaction, marked, and the client untouched.
		this.mongoTemplate.insert(new Interaction("IA-CRASHED", "C-LI-1", InteractionChannel.PHONE,
				Instant.parse("2026-11-19T06:30:00Z"), List.of("rm_li"), List.of(), "电话回访", null, null,
				Instant.parse("2026-11-19T06:31:00Z"), "rm_li", TestIdentityProvider.subjectOf("rm_li"), null, null, Boolean.FALSE, 0L));

		assertThat(this.followUps.sweep()).isEqualTo(1);
		Client after = client("C-LI-1");
		assertThat(after.version()).isEqualTo(version + 1);
		assertThat(after.followUp()).isEqualTo(new FollowUp(LocalDate.of(2026, 12, 19), "rm_li",
				LocalDate.of(2026, 11, 19), ValueTierCode.A, null, "IA-CRASHED"));
		assertThat(this.mongoTemplate.findById("IA-CRASHED", Document.class, "interactions"))
			.doesNotContainKey("followUpApplied");
		assertThat(this.mongoTemplate.find(new Query(Criteria.where("entityId").is("C-LI-1")
			.and("operation").is("recordInteraction")), Document.class, "audit_events")).singleElement()
			.satisfies(event -> assertThat(event.getString("actor")).isEqualTo("system:follow-up-sweep"));

		// Nothing left, and applying again changes nothing.
		assertThat(this.followUps.sweep()).isZero();
		this.mongoTemplate.updateFirst(new Query(Criteria.where("_id").is("IA-CRASHED")),
				new Update().set("followUpApplied", false), Interaction.class);
		assertThat(this.followUps.sweep()).isEqualTo(1);
		assertThat(client("C-LI-1").version()).isEqualTo(version + 1);
	}

	/** An overdue monthly follow-up: scheduled from 2026-10-15, due 2026-11-15. */
	private void dueFollowUp(String clientId, String rm) {
		this.mongoTemplate.updateFirst(new Query(Criteria.where("_id").is(clientId)),
				new Update().set("followUp", new FollowUp(LocalDate.of(2026, 11, 15), rm, LocalDate.of(2026, 10, 15),
						ValueTierCode.A, null, null)),
				Client.class);
	}

	@Test
	void theVersionARecordingAnswersIsTheOneItsFirstCorrectionSendsTheFollowUpMarkerMovesNoVersion() {
		String id = record("rm_li", InteractionFollowUpInput.visit("C-LI-1", null));
		Document stored = this.mongoTemplate.findById(id, Document.class, "interactions");
		assertThat(stored).doesNotContainKey("followUpApplied");
		assertThat(stored.get("version", Number.class).longValue()).as("what recordInteraction answered").isZero();

		Map<String, Object> correction = RecordInteractionTests.visit("C-LI-1");
		correction.remove("clientId");
		correction.put("interactionId", id);
		correction.put("channel", "PHONE");
		correction.put("reason", "渠道记错了");
		correction.put("expectedVersion", 0);
		as(this.graphQlTester, "rm_li").document("""
				mutation($input: CorrectInteractionInput!) { correctInteraction(input: $input) {
				  interaction { version channel } errors { code field message } } }""")
			.variable("input", correction)
			.execute()
			.path("correctInteraction.errors").entityList(Object.class).hasSize(0)
			.path("correctInteraction.interaction.version").entity(Integer.class).isEqualTo(1);
	}

	@Test
	void correctingTheDateOfTheInteractionThatCompletedTheFollowUpReschedulesItAudited() {
		dueFollowUp("C-LI-1", "rm_li");
		String id = record("rm_li", InteractionFollowUpInput.visit("C-LI-1", null));
		assertThat(client("C-LI-1").followUp().dueOn()).isEqualTo(LocalDate.of(2026, 12, 19));
		long clientVersion = client("C-LI-1").version();

		Map<String, Object> correction = RecordInteractionTests.visit("C-LI-1");
		correction.remove("clientId");
		correction.put("interactionId", id);
		correction.put("occurredAt", "2026-11-18T06:30:00Z");
		correction.put("followUpOn", "2026-11-30");
		correction.put("reason", "日期记错了");
		correction.put("expectedVersion", 0);
		as(this.graphQlTester, "rm_li").document("""
				mutation($input: CorrectInteractionInput!) { correctInteraction(input: $input) {
				  interaction { version } errors { code field message } } }""")
			.variable("input", correction)
			.execute()
			.path("correctInteraction.errors").entityList(Object.class).hasSize(0)
			.path("correctInteraction.interaction.version").entity(Integer.class).isEqualTo(1);

		Client after = client("C-LI-1");
		assertThat(after.followUp()).isEqualTo(new FollowUp(LocalDate.of(2026, 11, 30), "rm_li",
				LocalDate.of(2026, 11, 18), ValueTierCode.A, LocalDate.of(2026, 11, 30), id));
		assertThat(after.version()).isEqualTo(clientVersion + 1);
		assertThat(this.mongoTemplate.findById(id, Document.class, "interactions")).doesNotContainKey("followUpApplied");
		assertThat(this.mongoTemplate.find(new Query(Criteria.where("entityId").is("C-LI-1")
			.and("operation").is("correctInteraction")), Document.class, "audit_events")).singleElement()
			.satisfies(event -> assertThat(event.getList("changes", Document.class))
				.extracting(change -> change.getString("field"))
				.contains("followUp.dueOn", "followUp.scheduledFrom"));
	}

	@Test
	void correctingOnlyTheSummaryLeavesTheFollowUpAndTheClientAlone() {
		dueFollowUp("C-LI-1", "rm_li");
		String id = record("rm_li", InteractionFollowUpInput.visit("C-LI-1", null));
		Client before = client("C-LI-1");

		Map<String, Object> correction = RecordInteractionTests.visit("C-LI-1");
		correction.remove("clientId");
		correction.put("interactionId", id);
		correction.put("summary", "更正后的纪要");
		correction.put("reason", "纪要补充");
		correction.put("expectedVersion", 0);
		as(this.graphQlTester, "rm_li").document("""
				mutation($input: CorrectInteractionInput!) { correctInteraction(input: $input) { errors { code } } }""")
			.variable("input", correction)
			.execute()
			.path("correctInteraction.errors").entityList(Object.class).hasSize(0);

		assertThat(client("C-LI-1").version()).isEqualTo(before.version());
		assertThat(client("C-LI-1").followUp()).isEqualTo(before.followUp());
	}

	private Client client(String id) {
		return this.mongoTemplate.findById(id, Client.class);
	}

	private GraphQlTester.Response next(String user, String clientId) {
		return as(this.graphQlTester, user).document(NEXT).variable("id", clientId).execute();
	}

	private String record(String user, Map<String, Object> input) {
		return as(this.graphQlTester, user).document(RECORD).variable("input", input).execute()
			.path("recordInteraction.errors").entityList(Object.class).hasSize(0)
			.path("recordInteraction.interaction.id").entity(String.class).get();
	}

	/** A visit on 2026-11-19 (Beijing), with an optional follow-up date. */
	private static final class InteractionFollowUpInput {

		static Map<String, Object> visit(String clientId, String followUpOn) {
			Map<String, Object> input = RecordInteractionTests.visit(clientId);
			if (followUpOn != null) {
				input.put("followUpOn", followUpOn);
			}
			return input;
		}

	}

}
