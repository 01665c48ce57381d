package com.corpbank.portal.metrics;

import java.time.LocalDate;
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
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static com.corpbank.portal.support.Testers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * The optional monthly figures of recordRelationshipMetrics (transactionCount, openComplaints, lastContactOn):
 * accepted, stored, read back, validated, audited, and cleared by a correction that leaves them out.
 */
@PortalTest
class MonthlyActivityFiguresTests {

	static final String RECORD = """
			mutation($input: RecordRelationshipMetricsInput!) {
			  recordRelationshipMetrics(input: $input) {
			    metrics { id transactionCount openComplaints lastContactOn version }
			    errors { code field message }
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

	private static Map<String, Object> october() {
		Map<String, Object> input = RecordRelationshipMetricsTests.month("C-LI-1", "2026-10");
		input.put("transactionCount", 412);
		input.put("openComplaints", 1);
		input.put("lastContactOn", "2026-10-28");
		return input;
	}

	@Test
	void theThreeFiguresAreStoredReadBackAndAudited() {
		record(october()).path("recordRelationshipMetrics.metrics.transactionCount").entity(Integer.class).isEqualTo(412)
			.path("recordRelationshipMetrics.metrics.openComplaints").entity(Integer.class).isEqualTo(1)
			.path("recordRelationshipMetrics.metrics.lastContactOn").entity(String.class).isEqualTo("2026-10-28");
		RelationshipMetrics stored = this.mongoTemplate.findById("C-LI-1-2026-10", RelationshipMetrics.class);
		assertThat(stored.transactionCount()).isEqualTo(412);
		assertThat(stored.lastContactOn()).isEqualTo(LocalDate.of(2026, 10, 28));
		assertThat(this.mongoTemplate.findAll(AuditEvent.class)).singleElement()
			.satisfies(event -> assertThat(event.changes()).extracting("field", "after")
				.contains(tuple("transactionCount", "412"), tuple("openComplaints", "1"),
						tuple("lastContactOn", "2026-10-28")));
		as(this.graphQlTester, "rm_li").document("""
				{ client(id: "C-LI-1") { latestRelationshipMetrics { transactionCount openComplaints lastContactOn } } }""")
			.execute()
			.path("client.latestRelationshipMetrics.transactionCount").entity(Integer.class).isEqualTo(412)
			.path("client.latestRelationshipMetrics.lastContactOn").entity(String.class).isEqualTo("2026-10-28");
	}

	@Test
	void leftOutTheyAreNullNotZero() {
		record(RecordRelationshipMetricsTests.month("C-LI-1", "2026-10"))
			.path("recordRelationshipMetrics.metrics.transactionCount").valueIsNull()
			.path("recordRelationshipMetrics.metrics.openComplaints").valueIsNull()
			.path("recordRelationshipMetrics.metrics.lastContactOn").valueIsNull();
	}

	@Test
	void negativeCountsAreRefused() {
		Map<String, Object> input = october();
		input.put("transactionCount", -1);
		input.put("openComplaints", -2);
		assertThat(fieldsOf(record(input))).containsExactlyInAnyOrder("transactionCount", "openComplaints");
		assertNothingStored();
	}

	@Test
	void countsBeyondTheirCapsAreRefused() {
		Map<String, Object> input = october();
		input.put("transactionCount", 10_000_001);
		input.put("openComplaints", 10_001);
		assertThat(fieldsOf(record(input))).containsExactlyInAnyOrder("transactionCount", "openComplaints");
		assertNothingStored();
	}

	@Test
	void aFutureLastContactIsRefused() {
		Map<String, Object> input = october();
		input.put("lastContactOn", "2099-01-01");
		GraphQlTester.Response response = record(input);
		assertThat(fieldsOf(response)).containsExactly("lastContactOn");
		response.path("recordRelationshipMetrics.errors[0].message").entity(String.class)
			.satisfies(message -> assertThat(message).contains("future"));
		assertNothingStored();
	}

	@Test
	void aContactAfterTheMonthsEndIsRefused() {
		Map<String, Object> input = october();
		input.put("lastContactOn", "2026-11-05");
		GraphQlTester.Response response = record(input);
		assertThat(fieldsOf(response)).containsExactly("lastContactOn");
		response.path("recordRelationshipMetrics.errors[0].message").entity(String.class)
			.satisfies(message -> assertThat(message).contains("2026-10-31"));
		input.put("lastContactOn", "1989-12-31");
		assertThat(fieldsOf(record(input))).containsExactly("lastContactOn");
		assertNothingStored();
	}

	@Test
	void aCorrectionThatLeavesThemOutClearsThem() {
		record(october()).path("recordRelationshipMetrics.errors").entityList(Object.class).hasSize(0);
		Map<String, Object> correction = RecordRelationshipMetricsTests.month("C-LI-1", "2026-10");
		correction.put("expectedVersion", 0);
		correction.put("reason", "CRM feed withdrawn");
		record(correction).path("recordRelationshipMetrics.metrics.version").entity(Integer.class).isEqualTo(1)
			.path("recordRelationshipMetrics.metrics.transactionCount").valueIsNull()
			.path("recordRelationshipMetrics.metrics.lastContactOn").valueIsNull();
		assertThat(this.mongoTemplate.findAll(AuditEvent.class)).filteredOn(event -> event.entityVersion() == 1L)
			.singleElement()
			.satisfies(event -> assertThat(event.changes()).extracting("field", "before", "after")
				.containsExactlyInAnyOrder(tuple("transactionCount", "412", null), tuple("openComplaints", "1", null),
						tuple("lastContactOn", "2026-10-28", null)));
	}

	private GraphQlTester.Response record(Map<String, Object> input) {
		return as(this.graphQlTester, "rm_li").document(RECORD).variable("input", input).execute();
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
