package com.corpbank.portal.e2e;

import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One write per role that may write, with real Keycloak tokens over the demo book, each then found in the audit
 * trail by the auditor: the whole path from a realm user's roles and org unit to a permission rule, a row scope,
 * an audited write and the trail. Clients are picked from the store by plain queries, not by the service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "portal.store.data-dir=", "portal.store.mongodb-uri=", "portal.demo-data.enabled=true",
				"portal.security.allowed-clients=portal-spa,portal-cli" })
@AutoConfigureHttpGraphQlTester
class KeycloakWritesIT {

	private static KeycloakProcess keycloak;

	@DynamicPropertySource
	static void realKeycloak(DynamicPropertyRegistry registry) {
		keycloak = KeycloakProcess.shared();
		registry.add("portal.security.issuer-uri", keycloak::issuer);
		registry.add("portal.security.jwk-set-uri", keycloak::jwkSetUri);
	}

	@Autowired
	HttpGraphQlTester graphQlTester;

	@Autowired
	MongoTemplate mongoTemplate;

	@Test
	void rmAddsAContactToTheirClientAndTheAuditorSeesIt() {
		String clientId = clientServedOnlyBy("rm_li", 0);
		as("rm_li").document("""
				mutation($input: AddContactInput!) { addContact(input: $input) { contact { id masked } errors { code } } }""")
			.variable("input", Map.of("clientId", clientId, "name", "王芳", "mobile", "13812345678"))
			.execute()
			.path("addContact.errors").entityList(Object.class).hasSize(0)
			.path("addContact.contact.masked").entity(Boolean.class).isEqualTo(false);
		assertAudited("rm_li", "addContact");
	}

	@Test
	void teamLeadHandsAClientOverWithinTheTeamAndTheOldRmLosesIt() {
		String clientId = clientServedOnlyBy("rm_li", 1);
		as("lead_sun").document("""
				mutation($input: AssignClientInput!) { assignClient(input: $input) { client { primaryManager { username } } errors { code } } }""")
			.variable("input", Map.of("clientId", clientId, "primaryManager", "rm_zhang", "coManagers", List.of(),
					"reason", "rm_li moves to trade finance", "expectedVersion", versionOf(clientId)))
			.execute()
			.path("assignClient.errors").entityList(Object.class).hasSize(0)
			.path("assignClient.client.primaryManager.username").entity(String.class).isEqualTo("rm_zhang");
		as("rm_li").document("query($id: ID!) { client(id: $id) { id } }").variable("id", clientId).execute()
			.path("client").valueIsNull();
		assertAudited("lead_sun", "assignClient");
	}

	@Test
	void branchManagerRecordsRelationshipMetricsInTheirBranch() {
		String clientId = clientServedOnlyBy("rm_xu", 0);
		as("mgr_chen").document("""
				mutation($input: RecordRelationshipMetricsInput!) { recordRelationshipMetrics(input: $input) { metrics { month } errors { code } } }""")
			.variable("input", Map.of("clientId", clientId, "month", "2024-10", "averageDeposits", "3500000.00",
					"loanBalance", "0.00", "settlementVolume", "88000000.00", "productsHeld", 3, "feeIncome",
					"1500.00"))
			.execute()
			.path("recordRelationshipMetrics.errors").entityList(Object.class).hasSize(0);
		assertAudited("mgr_chen", "recordRelationshipMetrics");
	}

	@Test
	void riskOfficerSetsRiskGrades() {
		String clientId = clientServedOnlyBy("rm_zhao", 0);
		as("risk_zhou").document("""
				mutation($input: SetRiskGradeInput!) { setRiskGrade(input: $input) { client { risk { fiveCategory } } errors { code } } }""")
			.variable("input", Map.of("clientId", clientId, "rating", "BB", "fiveCategory", "SUBSTANDARD",
					"overdueDays", 95, "reason", "95 days overdue", "expectedVersion", versionOf(clientId)))
			.execute()
			.path("setRiskGrade.errors").entityList(Object.class).hasSize(0)
			.path("setRiskGrade.client.risk.fiveCategory").entity(String.class).isEqualTo("SUBSTANDARD");
		assertAudited("risk_zhou", "setRiskGrade");
	}

	@Test
	void onlyTheAuditorReadsTheTrail() {
		as("rm_li").document("{ auditEvents(first: 1) { edges { cursor } } }").execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN")));
	}

	private void assertAudited(String actor, String operation) {
		as("auditor_qian").document("""
				query($filter: AuditEventFilter) { auditEvents(filter: $filter, first: 5) { edges { node { actor operation actorRoles requestId } } } }""")
			.variable("filter", Map.of("actor", actor, "operation", operation))
			.execute()
			.path("auditEvents.edges[0].node.actor").entity(String.class).isEqualTo(actor)
			.path("auditEvents.edges[0].node.requestId").entity(String.class).satisfies(id -> assertThat(id).isNotBlank());
	}

	private HttpGraphQlTester as(String username) {
		String token = keycloak.accessToken(username);
		return this.graphQlTester.mutate().headers(headers -> headers.setBearerAuth(token)).build();
	}

	/** The n-th client (by id) whose only RM is this one. */
	private String clientServedOnlyBy(String username, int n) {
		List<String> ids = this.mongoTemplate.getCollection("clients")
			.find(new Document("managerUsernames", List.of(username)))
			.sort(new Document("_id", 1))
			.skip(n)
			.limit(1)
			.map(document -> document.getString("_id"))
			.into(new java.util.ArrayList<>());
		assertThat(ids).as("a client served by " + username + " alone").hasSize(1);
		return ids.get(0);
	}

	private int versionOf(String clientId) {
		Document client = this.mongoTemplate.getCollection("clients").find(new Document("_id", clientId)).first();
		Object version = (client != null) ? client.get("version") : null;
		return (version instanceof Number number) ? number.intValue() : 0;
	}

}
