package com.corpbank.portal.audit;

import java.util.List;
import java.util.Map;

import com.corpbank.portal.support.ClientBookFixture;
import com.corpbank.portal.support.PortalTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static com.corpbank.portal.support.Testers.as;
import static org.assertj.core.api.Assertions.assertThat;

/** An auditor finds every event about a client, including those of its contacts, statements and metrics. */
@PortalTest
class AuditByClientTests {

	@Autowired
	HttpGraphQlTester graphQlTester;

	@Autowired
	MongoTemplate mongoTemplate;

	@BeforeEach
	void loadBook() {
		new ClientBookFixture(this.mongoTemplate).load();
	}

	@Test
	void theClientFilterFindsTheEventsOfItsContactsAndFiguresTooAndTheEntityFilterOnlyTheClients() {
		as(this.graphQlTester, "rm_li").document("""
				mutation($input: AddContactInput!) { addContact(input: $input) { errors { code } } }""")
			.variable("input", Map.of("clientId", "C-LI-1", "name", "王芳", "mobile", "13812345678"))
			.execute().path("addContact.errors").entityList(Object.class).hasSize(0);
		as(this.graphQlTester, "rm_li").document("""
				mutation($input: RecordRelationshipMetricsInput!) { recordRelationshipMetrics(input: $input) { errors { code } } }""")
			.variable("input", Map.of("clientId", "C-LI-1", "month", "2026-05", "averageDeposits", "1.00", "loanBalance",
					"0.00", "settlementVolume", "2.00", "productsHeld", 1, "feeIncome", "0.00"))
			.execute().path("recordRelationshipMetrics.errors").entityList(Object.class).hasSize(0);
		as(this.graphQlTester, "risk_zhou").document("""
				mutation($input: SetRiskGradeInput!) { setRiskGrade(input: $input) { errors { code } } }""")
			.variable("input", Map.of("clientId", "C-LI-1", "rating", "A", "fiveCategory", "NORMAL", "overdueDays", 0,
					"reason", "review", "expectedVersion", 0))
			.execute().path("setRiskGrade.errors").entityList(Object.class).hasSize(0);
		// Another client's change must not show up.
		as(this.graphQlTester, "risk_zhou").document("""
				mutation($input: SetRiskGradeInput!) { setRiskGrade(input: $input) { errors { code } } }""")
			.variable("input", Map.of("clientId", "C-LI-2", "rating", "A", "fiveCategory", "NORMAL", "overdueDays", 0,
					"reason", "review", "expectedVersion", 0))
			.execute().path("setRiskGrade.errors").entityList(Object.class).hasSize(0);

		assertThat(operations(Map.of("clientId", "C-LI-1")))
			.containsExactlyInAnyOrder("addContact", "recordRelationshipMetrics", "setRiskGrade");
		assertThat(operations(Map.of("entityId", "C-LI-1"))).containsExactly("setRiskGrade");
	}

	private List<String> operations(Map<String, Object> filter) {
		return as(this.graphQlTester, "auditor_qian").document("""
				query($filter: AuditEventFilter) { auditEvents(filter: $filter, first: 50) { edges { node { operation clientId } } } }""")
			.variable("filter", filter)
			.execute()
			.path("auditEvents.edges[*].node.operation")
			.entityList(String.class)
			.get();
	}

}
