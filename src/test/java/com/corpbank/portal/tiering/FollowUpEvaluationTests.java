package com.corpbank.portal.tiering;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;

import com.corpbank.portal.client.Client;
import com.corpbank.portal.client.FollowUp;
import com.corpbank.portal.followup.FollowUpSchedule;
import com.corpbank.portal.support.ClientBookFixture;
import com.corpbank.portal.support.PortalTest;
import com.corpbank.portal.tier.TierModels;
import com.corpbank.portal.tier.ValueTierCode;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static com.corpbank.portal.support.Testers.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Evaluation and follow-ups 定期回访: the first evaluation schedules one by the tier's cadence, a tier change
 * reschedules it in the same client write that sets the tier, and a second evaluation writes nothing.
 */
@PortalTest
class FollowUpEvaluationTests {

	private static final String EVALUATE = """
			mutation($id: ID!) { evaluateClientTier(input: {clientId: $id}) { valueTier { tier } changed errors { code } } }""";

	@Autowired
	HttpGraphQlTester graphQlTester;

	@Autowired
	MongoTemplate mongoTemplate;

	@Autowired
	TierModels models;

	@Autowired
	Clock clock;

	@Autowired
	FollowUpSchedule schedule;

	@BeforeEach
	void book() {
		new ClientBookFixture(this.mongoTemplate).loadWithRelationshipData();
		new DemoTierModelSeeder(this.models, this.mongoTemplate, this.clock).seed();
	}

	@Test
	void theFirstEvaluationSchedulesAFollowUpByTheTiersCadenceAndASecondEvaluationWritesNothing() {
		String tier = evaluate("rm_li", "C-LI-1").path("evaluateClientTier.valueTier.tier").entity(String.class).get();

		Client client = client("C-LI-1");
		FollowUp followUp = client.followUp();
		assertThat(followUp).isNotNull();
		assertThat(followUp.rmUsername()).isEqualTo("rm_li");
		assertThat(followUp.tier()).isEqualTo(ValueTierCode.valueOf(tier));
		assertThat(followUp.scheduledFrom()).isBeforeOrEqualTo(LocalDate.of(2026, 11, 20));
		assertThat(followUp.dueOn())
			.isEqualTo(followUp.scheduledFrom().plus(this.schedule.cadence(ValueTierCode.valueOf(tier))));
		long events = events("C-LI-1");

		evaluate("rm_li", "C-LI-1").path("evaluateClientTier.changed").entity(Boolean.class).isEqualTo(false);
		assertThat(client("C-LI-1").version()).isEqualTo(client.version());
		assertThat(client("C-LI-1").followUp()).isEqualTo(followUp);
		assertThat(events("C-LI-1")).isEqualTo(events);
	}

	@Test
	void aTierChangeFromAToALowerTierReschedulesTheFollowUpInTheSameClientWriteAndASecondEvaluationChangesNothing() {
		// C-XU-2 is the fixture's lowest score: the demo model tiers it below A.
		String tier = evaluate("admin", "C-XU-2").path("evaluateClientTier.valueTier.tier").entity(String.class).get();
		assertThat(tier).isNotEqualTo("A");
		ValueTierCode lower = ValueTierCode.valueOf(tier);
		String rm = client("C-XU-2").primaryManager();
		LocalDate from = client("C-XU-2").followUp().scheduledFrom();
		// As if the client had been A until now: its tier result and its follow-up by A's monthly cadence.
		this.mongoTemplate.updateFirst(new Query(Criteria.where("_id").is("C-XU-2")),
				new Update().set("valueTier.tier", "A").set("valueTier.fingerprint", "as-tier-A")
					.set("followUp", new FollowUp(from.plusMonths(1), rm, from, ValueTierCode.A, null, null)),
				Client.class);
		long version = client("C-XU-2").version();

		evaluate("admin", "C-XU-2").path("evaluateClientTier.changed").entity(Boolean.class).isEqualTo(true);
		Client after = client("C-XU-2");
		assertThat(after.version()).isEqualTo(version + 1);
		assertThat(after.followUp()).isEqualTo(new FollowUp(from.plus(this.schedule.cadence(lower)), rm, from, lower, null, null));
		List<Document> latest = this.mongoTemplate.find(new Query(Criteria.where("entityId").is("C-XU-2")
			.and("entityVersion").is(version + 1)), Document.class, "audit_events");
		assertThat(latest).singleElement()
			.satisfies(event -> assertThat(event.getList("changes", Document.class))
				.extracting(change -> change.getString("field"))
				.contains("valueTier.tier", "followUp.dueOn", "followUp.tier"));

		evaluate("admin", "C-XU-2").path("evaluateClientTier.changed").entity(Boolean.class).isEqualTo(false);
		assertThat(client("C-XU-2").version()).isEqualTo(version + 1);
	}

	@Test
	void aRecordedInteractionLaterThanTheFeedsLastContactKeepsNoRecentContactQuietAndStartsTheFirstFollowUp() {
		// Both clients' feeds name no contact since 2025-01-15: over twice any tier's cadence before 2026-11-20.
		for (String id : List.of("C-LI-1", "C-LI-2")) {
			this.mongoTemplate.updateMulti(new Query(Criteria.where("clientId").is(id)),
					new Update().set("lastContactOn", LocalDate.of(2025, 1, 15)), "relationship_metrics");
		}
		// C-LI-2 had a visit on 2026-11-10 (Beijing), recorded as an interaction only.
		this.mongoTemplate.getCollection("interactions")
			.insertOne(new Document("_id", "IA-LATE").append("clientId", "C-LI-2")
				.append("channel", "VISIT")
				.append("occurredAt", Date.from(Instant.parse("2026-11-10T02:00:00Z"))));

		evaluate("rm_li", "C-LI-1");
		evaluate("rm_li", "C-LI-2");

		assertThat(noRecentContactAlerts("C-LI-1")).isOne();
		assertThat(noRecentContactAlerts("C-LI-2")).isZero();
		assertThat(client("C-LI-2").followUp().scheduledFrom()).isEqualTo(LocalDate.of(2026, 11, 10));
		assertThat(client("C-LI-1").followUp().scheduledFrom()).isEqualTo(LocalDate.of(2025, 1, 15));
	}

	private long noRecentContactAlerts(String clientId) {
		return this.mongoTemplate.count(new Query(Criteria.where("clientId").is(clientId)
			.and("signals.code").is("NO_RECENT_CONTACT")), "churn_alerts");
	}

	private Client client(String id) {
		return this.mongoTemplate.findById(id, Client.class);
	}

	private long events(String clientId) {
		return this.mongoTemplate.count(new Query(Criteria.where("clientId").is(clientId)), "audit_events");
	}

	private GraphQlTester.Response evaluate(String user, String clientId) {
		return as(this.graphQlTester, user).document(EVALUATE).variable("id", clientId).execute();
	}

}
