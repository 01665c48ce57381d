package com.corpbank.portal.tiering;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.corpbank.portal.audit.AuditEvent;
import com.corpbank.portal.support.ClientBookFixture;
import com.corpbank.portal.support.MongoCommandCounter;
import com.corpbank.portal.support.PortalTest;
import com.corpbank.portal.tier.TierModels;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static com.corpbank.portal.support.Testers.as;
import static org.assertj.core.api.Assertions.assertThat;

/** evaluateClientTier, the explanation and history it leaves, overrides and their expiry, scope and batching. */
@PortalTest
class ClientTieringTests {

	private static final String EVALUATE = """
			mutation($input: EvaluateClientTierInput!) {
			  evaluateClientTier(input: $input) {
			    valueTier { tier modelTier score reason previousTier modelVersion override { tier approvedBy proposedBy }
			      explanation { score reason factors { key input points weight contribution missing } inputsAsOf { metricsMonth taxYear } } }
			    changed
			    errors { code field message }
			  }
			}""";

	@Autowired
	HttpGraphQlTester graphQlTester;

	@Autowired
	MongoTemplate mongoTemplate;

	@Autowired
	TierModels models;

	@Autowired
	Clock clock;

	@Autowired
	MongoCommandCounter commands;

	@BeforeEach
	void loadBookAndModel() {
		new ClientBookFixture(this.mongoTemplate).loadWithRelationshipData();
		new DemoTierModelSeeder(this.models, this.mongoTemplate, this.clock).seed();
	}

	private GraphQlTester.Response evaluate(String user, String clientId) {
		return as(this.graphQlTester, user).document(EVALUATE).variable("input", Map.<String, Object>of("clientId", clientId)).execute();
	}

	@Test
	void theClientsRmReEvaluatesItAndReadsAnExplanationThatAddsUpToTheScore() {
		GraphQlTester.Response response = evaluate("rm_li", "C-LI-1");
		response.path("evaluateClientTier.errors").entityList(Object.class).hasSize(0);
		response.path("evaluateClientTier.changed").entity(Boolean.class).isEqualTo(true);
		response.path("evaluateClientTier.valueTier.reason").entity(String.class).isEqualTo("MODEL_CHANGE");
		response.path("evaluateClientTier.valueTier.previousTier").entity(String.class).isEqualTo("A");
		BigDecimal score = response.path("evaluateClientTier.valueTier.score").entity(BigDecimal.class).get();
		List<BigDecimal> contributions = response.path("evaluateClientTier.valueTier.explanation.factors[*].contribution")
			.entityList(BigDecimal.class).get();
		assertThat(contributions).hasSize(19);
		assertThat(contributions.stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(score);
		response.path("evaluateClientTier.valueTier.explanation.inputsAsOf.metricsMonth").entity(String.class)
			.isEqualTo("2026-10");

		List<AuditEvent> events = this.mongoTemplate.find(new Query(Criteria.where("entityId").is("C-LI-1")
			.and("operation").is("evaluateClientTier")), AuditEvent.class);
		assertThat(events).singleElement().satisfies(event -> {
			assertThat(event.actor()).isEqualTo("rm_li");
			assertThat(event.changes()).extracting("field").contains("valueTier.score", "valueTier.modelVersion");
		});

		// Nothing changed since: the same result, nothing written.
		evaluate("rm_li", "C-LI-1").path("evaluateClientTier.changed").entity(Boolean.class).isEqualTo(false);
		assertThat(this.mongoTemplate.count(new Query(Criteria.where("clientId").is("C-LI-1")), TierEvaluation.class))
			.isEqualTo(1);
		as(this.graphQlTester, "rm_li").document("""
				{ client(id: "C-LI-1") { valueTier { explanation { id } } tierHistory { edges { node { id reason score } } } } }""")
			.execute()
			.path("client.tierHistory.edges").entityList(Object.class).hasSize(1)
			.path("client.tierHistory.edges[0].node.reason").entity(String.class).isEqualTo("MODEL_CHANGE");
	}

	@Test
	void anotherRmsClientIsNotFoundLikeAMissingOneAndNothingIsWritten() {
		GraphQlTester.Response response = as(this.graphQlTester, "rm_li").document("""
				mutation {
				  other: evaluateClientTier(input: {clientId: "C-WANG-1"}) { changed errors { code field } }
				  missing: evaluateClientTier(input: {clientId: "C-NOPE"}) { changed errors { code field } }
				}""").execute();
		response.path("other.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
		response.path("missing.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
		response.path("other.errors[0].field").entityList(String.class).containsExactly("input", "clientId");
		assertThat(this.mongoTemplate.count(new Query(), TierEvaluation.class)).isZero();
	}

	@Test
	void rolesThatDoNotServeClientsAreRefusedAndAdminEvaluatesAnyClient() {
		for (String user : List.of("analyst_wu", "risk_zhou", "auditor_qian")) {
			evaluate(user, "C-LI-1").path("evaluateClientTier.errors[0].code").entity(String.class).isEqualTo("FORBIDDEN");
		}
		evaluate("admin", "C-WANG-1").path("evaluateClientTier.changed").entity(Boolean.class).isEqualTo(true);
	}

	@Test
	void withoutAnActiveModelTheAnswerIsAClearValidationError() {
		this.mongoTemplate.remove(new Query(), "tier_models");
		this.mongoTemplate.remove(new Query(), "tier_model_active");
		evaluate("rm_li", "C-LI-1").path("evaluateClientTier.errors[0].code").entity(String.class).isEqualTo("VALIDATION");
	}

	@Test
	void anApprovedOverrideShowsAtOnceBesideTheModelsTierAndItsExpiryReturnsToTheModel() {
		evaluate("rm_wang", "C-WANG-1");
		String modelTier = as(this.graphQlTester, "mgr_chen").document("{ client(id: \"C-WANG-1\") { valueTier { modelTier } } }")
			.execute().path("client.valueTier.modelTier").entity(String.class).get();
		String overrideTier = modelTier.equals("A") ? "B" : "A";
		String overrideId = as(this.graphQlTester, "mgr_chen").document("""
				mutation($input: ProposeTierOverrideInput!) { proposeTierOverride(input: $input) { override { id } errors { code } } }""")
			.variable("input", Map.<String, Object>of("clientId", "C-WANG-1", "tier", overrideTier, "reason", "战略客户",
					"expiresOn", LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(90).toString()))
			.execute().path("proposeTierOverride.override.id").entity(String.class).get();
		as(this.graphQlTester, "mgr_he").document("""
				mutation($input: ApproveTierOverrideInput!) { approveTierOverride(input: $input) { errors { code } } }""")
			.variable("input", Map.<String, Object>of("overrideId", overrideId, "expectedVersion", 0, "note", "同意"))
			.execute().path("approveTierOverride.errors").entityList(Object.class).hasSize(0);

		as(this.graphQlTester, "mgr_chen").document("""
				{ client(id: "C-WANG-1") { valueTier { tier modelTier reason override { tier proposedBy approvedBy } } } }""")
			.execute()
			.path("client.valueTier.tier").entity(String.class).isEqualTo(overrideTier)
			.path("client.valueTier.modelTier").entity(String.class).isEqualTo(modelTier)
			.path("client.valueTier.reason").entity(String.class).isEqualTo("OVERRIDE")
			.path("client.valueTier.override.proposedBy").entity(String.class).isEqualTo("mgr_chen")
			.path("client.valueTier.override.approvedBy").entity(String.class).isEqualTo("mgr_he");
		assertThat(this.mongoTemplate.findOne(new Query(Criteria.where("entityId").is("C-WANG-1")
			.and("changes.field").is("valueTier.override")), AuditEvent.class).actor()).isEqualTo("mgr_he");

		// The evaluation date (2026-11-20 in tests) reaches the override's expiry: the model's tier is back.
		this.mongoTemplate.getCollection("tier_overrides").updateOne(new Document("_id", overrideId),
				new Document("$set", new Document("expiresOn", java.util.Date.from(LocalDate.of(2026, 11, 20)
					.atStartOfDay(ZoneId.systemDefault()).toInstant()))));
		GraphQlTester.Response expired = evaluate("rm_wang", "C-WANG-1");
		expired.path("evaluateClientTier.valueTier.reason").entity(String.class).isEqualTo("OVERRIDE_EXPIRED");
		expired.path("evaluateClientTier.valueTier.tier").entity(String.class).isEqualTo(modelTier);
		expired.path("evaluateClientTier.valueTier.override").valueIsNull();
	}

	@Test
	void explanationsAndHistoriesOfAPageCostTheSameCommandsWhateverItsSize() {
		evaluate("admin", "C-LI-1");
		evaluate("admin", "C-LI-2");
		String page = """
				query($first: Int) { clients(first: $first) { edges { node { id
				  valueTier { tier explanation { score factors { key contribution } } }
				  tierHistory(first: 3) { edges { node { id reason } } }
				} } } }""";
		as(this.graphQlTester, "mgr_chen").document(page).variable("first", 1).execute();
		this.commands.reset();
		as(this.graphQlTester, "mgr_chen").document(page).variable("first", 2).execute();
		List<String> forTwo = this.commands.dataCommands();
		this.commands.reset();
		as(this.graphQlTester, "mgr_chen").document(page).variable("first", 8).execute()
			.path("clients.edges").entityList(Object.class).hasSize(8);
		assertThat(this.commands.dataCommands()).containsExactlyInAnyOrderElementsOf(forTwo);
	}

}
