package com.corpbank.portal.risk;

import java.util.List;
import java.util.Map;

import com.corpbank.portal.audit.AuditEvent;
import com.corpbank.portal.support.ClientBookFixture;
import com.corpbank.portal.support.PortalTest;
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

/** setRiskGrade: who may, the overdue floor, locking, history and the audit event. */
@PortalTest
class SetRiskGradeTests {

	private static final String SET = """
			mutation($input: SetRiskGradeInput!) {
			  setRiskGrade(input: $input) {
			    client { id version risk { rating fiveCategory overdueDays } }
			    errors { code field message currentVersion }
			  }
			}""";

	@Autowired
	HttpGraphQlTester graphQlTester;

	@Autowired
	MongoTemplate mongoTemplate;

	@BeforeEach
	void loadBook() {
		new ClientBookFixture(this.mongoTemplate).load();
	}

	@Test
	void riskOfficerSetsGradesWithHistoryAndOneAuditEvent() {
		GraphQlTester.Response response = set("risk_zhou", "C-LI-1", "BBB", "SPECIAL_MENTION", 30, 0);
		response.path("setRiskGrade.errors").entityList(Object.class).hasSize(0);
		response.path("setRiskGrade.client.version").entity(Integer.class).isEqualTo(1);
		response.path("setRiskGrade.client.risk.fiveCategory").entity(String.class).isEqualTo("SPECIAL_MENTION");

		as(this.graphQlTester, "risk_zhou").document("""
				{ client(id: "C-LI-1") { riskHistory(first: 5) { edges { node { grade { rating overdueDays } previous { rating } changedBy reason } } } } }""")
			.execute()
			.path("client.riskHistory.edges[0].node.grade.rating").entity(String.class).isEqualTo("BBB")
			.path("client.riskHistory.edges[0].node.changedBy").entity(String.class).isEqualTo("risk_zhou")
			.path("client.riskHistory.edges").entityList(Object.class).hasSize(1);

		List<AuditEvent> events = this.mongoTemplate.find(
				new Query(Criteria.where("entityId").is("C-LI-1")), AuditEvent.class);
		assertThat(events).singleElement().satisfies(event -> {
			assertThat(event.operation()).isEqualTo("setRiskGrade");
			assertThat(event.actor()).isEqualTo("risk_zhou");
			assertThat(event.entityVersion()).isEqualTo(1L);
			assertThat(event.changes()).extracting("field").contains("risk.rating", "risk.fiveCategory");
		});
		assertThat(this.mongoTemplate.getCollection("clients")
			.find(new org.bson.Document("pendingOutbox._id", new org.bson.Document("$exists", true)))
			.first()).isNull();
	}

	@Test
	void classBetterThanTheOverdueFloorIsAFloorViolationAndChangesNothing() {
		GraphQlTester.Response response = set("risk_zhou", "C-LI-1", "BB", "SPECIAL_MENTION", 91, 0);
		response.path("setRiskGrade.client").valueIsNull();
		response.path("setRiskGrade.errors[0].code").entity(String.class).isEqualTo("FLOOR_VIOLATION");
		response.path("setRiskGrade.errors[0].field").entityList(String.class).containsExactly("input", "fiveCategory");
		response.path("setRiskGrade.errors[0].message").entity(String.class).satisfies(message -> assertThat(message).contains("SUBSTANDARD"));
		assertThat(this.mongoTemplate.count(new Query(), "audit_events")).isZero();
		assertThat(this.mongoTemplate.count(new Query(), "risk_history")).isZero();
	}

	@Test
	void staleVersionIsAConflictNamingTheCurrentVersion() {
		set("risk_zhou", "C-LI-1", "A", "NORMAL", 0, 0).path("setRiskGrade.errors").entityList(Object.class).hasSize(0);
		GraphQlTester.Response stale = set("risk_zhou", "C-LI-1", "BB", "NORMAL", 0, 0);
		stale.path("setRiskGrade.errors[0].code").entity(String.class).isEqualTo("CONFLICT");
		stale.path("setRiskGrade.errors[0].currentVersion").entity(Integer.class).isEqualTo(1);
		assertThat(this.mongoTemplate.count(new Query(), "audit_events")).isEqualTo(1);
	}

	@Test
	void otherRolesAreForbiddenAndNothingChanges() {
		for (String user : List.of("rm_li", "lead_sun", "mgr_chen", "analyst_wu", "admin", "auditor_qian")) {
			set(user, "C-LI-1", "A", "NORMAL", 0, 0).path("setRiskGrade.errors[0].code").entity(String.class)
				.isEqualTo("FORBIDDEN");
		}
		assertThat(this.mongoTemplate.count(new Query(), "audit_events")).isZero();
	}

	@Test
	void unknownClientIsNotFound() {
		set("risk_zhou", "C-NOPE", "A", "NORMAL", 0, 0).path("setRiskGrade.errors[0].code").entity(String.class)
			.isEqualTo("NOT_FOUND");
	}

	private GraphQlTester.Response set(String user, String clientId, String rating, String fiveCategory,
			int overdueDays, int expectedVersion) {
		return as(this.graphQlTester, user).document(SET)
			.variable("input", Map.of("clientId", clientId, "rating", rating, "fiveCategory", fiveCategory,
					"overdueDays", overdueDays, "reason", "annual review", "expectedVersion", expectedVersion))
			.execute();
	}

}
