package com.corpbank.portal.metrics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.corpbank.portal.audit.AuditEvent;
import com.corpbank.portal.support.ClientBookFixture;
import com.corpbank.portal.support.PortalTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static com.corpbank.portal.support.Testers.as;
import static org.assertj.core.api.Assertions.assertThat;

/** recordRelationshipMetrics: a new month, corrections, every validation rule, scope and roles, and the reads. */
@PortalTest
class RecordRelationshipMetricsTests {

	static final String RECORD = """
			mutation($input: RecordRelationshipMetricsInput!) {
			  recordRelationshipMetrics(input: $input) {
			    metrics { id month averageDeposits loanBalance settlementVolume productsHeld feeIncome recordedAt
			              recordedBy version }
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

	static Map<String, Object> month(String clientId, String month) {
		Map<String, Object> input = new HashMap<>();
		input.put("clientId", clientId);
		input.put("month", month);
		input.put("averageDeposits", "35000000.50");
		input.put("loanBalance", "120000000");
		input.put("settlementVolume", "880000000.00");
		input.put("productsHeld", 7);
		input.put("feeIncome", "0.00");
		return input;
	}

	@Test
	void rmRecordsAMonthAtVersionZeroWithOneAuditEvent() {
		GraphQlTester.Response response = record("rm_li", month("C-LI-1", "2026-10"));
		response.path("recordRelationshipMetrics.errors").entityList(Object.class).hasSize(0);
		response.path("recordRelationshipMetrics.metrics.id").entity(String.class).isEqualTo("C-LI-1-2026-10")
			.path("recordRelationshipMetrics.metrics.version").entity(Integer.class).isEqualTo(0)
			.path("recordRelationshipMetrics.metrics.loanBalance").entity(String.class).isEqualTo("120000000.00")
			.path("recordRelationshipMetrics.metrics.recordedBy").entity(String.class).isEqualTo("rm_li");
		assertThat(this.mongoTemplate.findAll(AuditEvent.class)).singleElement().satisfies(event -> {
			assertThat(event.operation()).isEqualTo("recordRelationshipMetrics");
			assertThat(event.entityType()).isEqualTo("RelationshipMetrics");
			assertThat(event.entityId()).isEqualTo("C-LI-1-2026-10");
			assertThat(event.entityVersion()).isZero();
			assertThat(event.changes()).extracting("field").contains("averageDeposits", "productsHeld");
		});
		assertThat(this.mongoTemplate.count(new Query(Criteria.where("pendingOutbox._id").exists(true)),
				"relationship_metrics")).isZero();
	}

	@Test
	void clientShowsItsMonthsNewestFirstInPages() {
		for (String month : List.of("2026-08", "2026-10", "2026-09")) {
			record("rm_li", month("C-LI-1", month)).path("recordRelationshipMetrics.errors").entityList(Object.class)
				.hasSize(0);
		}
		GraphQlTester.Response first = as(this.graphQlTester, "risk_zhou").document("""
				{ client(id: "C-LI-1") {
				    latestRelationshipMetrics { month }
				    relationshipMetrics(first: 2) { edges { node { month } } pageInfo { hasNextPage endCursor } } } }""")
			.execute();
		first.path("client.latestRelationshipMetrics.month").entity(String.class).isEqualTo("2026-10")
			.path("client.relationshipMetrics.edges[*].node.month").entityList(String.class)
			.containsExactly("2026-10", "2026-09")
			.path("client.relationshipMetrics.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		String cursor = first.path("client.relationshipMetrics.pageInfo.endCursor").entity(String.class).get();
		as(this.graphQlTester, "risk_zhou")
			.document("query($after: String) { client(id: \"C-LI-1\") { relationshipMetrics(first: 2, after: $after) "
					+ "{ edges { node { month } } pageInfo { hasNextPage } } } }")
			.variable("after", cursor)
			.execute()
			.path("client.relationshipMetrics.edges[*].node.month").entityList(String.class).containsExactly("2026-08")
			.path("client.relationshipMetrics.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
	}

	@Test
	void reRecordingAMonthWithoutVersionIsADuplicateAndAStaleOneAConflict() {
		record("rm_li", month("C-LI-1", "2026-10")).path("recordRelationshipMetrics.errors").entityList(Object.class)
			.hasSize(0);
		Map<String, Object> again = month("C-LI-1", "2026-10");
		again.put("productsHeld", 8);
		record("rm_li", again).path("recordRelationshipMetrics.errors[0].code").entity(String.class)
			.isEqualTo("DUPLICATE")
			.path("recordRelationshipMetrics.errors[0].field").entityList(String.class).containsExactly("input", "month")
			.path("recordRelationshipMetrics.errors[0].currentVersion").entity(Integer.class).isEqualTo(0);
		again.put("expectedVersion", 0);
		record("rm_li", again).path("recordRelationshipMetrics.errors[0].code").entity(String.class)
			.isEqualTo("DUPLICATE");

		again.put("reason", "core banking re-run");
		record("lead_sun", again).path("recordRelationshipMetrics.metrics.version").entity(Integer.class).isEqualTo(1)
			.path("recordRelationshipMetrics.metrics.productsHeld").entity(Integer.class).isEqualTo(8)
			.path("recordRelationshipMetrics.metrics.recordedBy").entity(String.class).isEqualTo("lead_sun");

		again.put("productsHeld", 9);
		record("rm_li", again).path("recordRelationshipMetrics.errors[0].code").entity(String.class)
			.isEqualTo("CONFLICT")
			.path("recordRelationshipMetrics.errors[0].currentVersion").entity(Integer.class).isEqualTo(1);

		List<AuditEvent> events = this.mongoTemplate.findAll(AuditEvent.class);
		assertThat(events).hasSize(2);
		assertThat(events).filteredOn(event -> event.entityVersion() == 1L).singleElement().satisfies(event -> {
			assertThat(event.reason()).isEqualTo("core banking re-run");
			assertThat(event.changes()).extracting("field", "before", "after")
				.containsExactly(org.assertj.core.groups.Tuple.tuple("productsHeld", "7", "8"));
		});
	}

	@Test
	void everyBrokenRuleIsReportedAtOnceAndNothingIsStored() {
		Map<String, Object> input = month("C-LI-1", "2026-13");
		input.put("averageDeposits", "-0.01");
		input.put("loanBalance", "1.001");
		input.put("settlementVolume", "1000000000000000.01");
		input.put("productsHeld", 1001);
		input.put("feeIncome", "-5");
		input.put("expectedVersion", -1);
		assertThat(fieldsOf(record("rm_li", input))).containsExactlyInAnyOrder("month", "averageDeposits",
				"loanBalance", "settlementVolume", "productsHeld", "feeIncome", "expectedVersion");
		assertNothingStored();
	}

	@Test
	void monthIsACalendarMonthUpToTheCurrentOne() {
		for (String month : List.of("2026-9", "202610", "2026/10", "1989-12", "2099-01", "")) {
			assertThat(fieldsOf(record("rm_li", month("C-LI-1", month)))).as(month).containsExactly("month");
		}
		assertNothingStored();
	}

	@Test
	void expectedVersionOnANewMonthIsRefused() {
		Map<String, Object> input = month("C-LI-1", "2026-10");
		input.put("expectedVersion", 0);
		assertThat(fieldsOf(record("rm_li", input))).containsExactly("expectedVersion");
		assertNothingStored();
	}

	@Test
	void anotherRmsClientIsNotFoundLikeAMissingOne() {
		for (String clientId : List.of("C-WANG-1", "C-ZHAO-2", "C-NOPE")) {
			record("rm_li", month(clientId, "2026-10")).path("recordRelationshipMetrics.errors[0].code")
				.entity(String.class)
				.isEqualTo("NOT_FOUND");
		}
		GraphQlTester.Response aliased = as(this.graphQlTester, "rm_xu").document("""
				mutation($own: RecordRelationshipMetricsInput!, $other: RecordRelationshipMetricsInput!) {
				  own: recordRelationshipMetrics(input: $own) { metrics { id } errors { code } }
				  other: recordRelationshipMetrics(input: $other) { metrics { id } errors { code } }
				}""").variable("own", month("C-XU-1", "2026-10")).variable("other", month("C-LI-1", "2026-10")).execute();
		aliased.path("own.metrics.id").entity(String.class).isEqualTo("C-XU-1-2026-10")
			.path("other.metrics").valueIsNull()
			.path("other.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
		assertThat(this.mongoTemplate.count(new Query(Criteria.where("clientId").is("C-LI-1")),
				RelationshipMetrics.class)).isZero();
	}

	@Test
	void rolesThatKeepNoBookAreForbidden() {
		for (String user : List.of("risk_zhou", "analyst_wu", "admin", "auditor_qian")) {
			assertThat(record(user, month("C-LI-1", "2026-10")).path("recordRelationshipMetrics.errors[0].code")
				.entity(String.class)
				.get()).as(user).isEqualTo("FORBIDDEN");
		}
		assertNothingStored();
	}

	private GraphQlTester.Response record(String user, Map<String, Object> input) {
		return as(this.graphQlTester, user).document(RECORD).variable("input", input).execute();
	}

	private static List<String> fieldsOf(GraphQlTester.Response response) {
		List<List<String>> fields = response.path("recordRelationshipMetrics.errors[*].field")
			.entityList(new ParameterizedTypeReference<List<String>>() {
			})
			.get();
		return fields.stream().map(path -> path.get(path.size() - 1)).toList();
	}

	private void assertNothingStored() {
		assertThat(this.mongoTemplate.count(new Query(), AuditEvent.class)).isZero();
		assertThat(this.mongoTemplate.count(new Query(), RelationshipMetrics.class)).isZero();
	}

}
