package com.corpbank.portal.tax;

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
import static org.assertj.core.groups.Tuple.tuple;

/** recordTaxRecord: a new year, corrections, every validation rule, scope and roles, and Client.taxRecords. */
@PortalTest
class RecordTaxRecordTests {

	static final String RECORD = """
			mutation($input: RecordTaxRecordInput!) {
			  recordTaxRecord(input: $input) {
			    taxRecord { id year taxPaid creditGrade recordedAt recordedBy version }
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

	static Map<String, Object> year(String clientId, int year) {
		Map<String, Object> input = new HashMap<>();
		input.put("clientId", clientId);
		input.put("year", year);
		input.put("taxPaid", "3200000.5");
		input.put("creditGrade", "A");
		return input;
	}

	@Test
	void rmRecordsAYearAtVersionZeroWithOneAuditEvent() {
		GraphQlTester.Response response = record("rm_li", year("C-LI-1", 2025));
		response.path("recordTaxRecord.errors").entityList(Object.class).hasSize(0);
		response.path("recordTaxRecord.taxRecord.id").entity(String.class).isEqualTo("C-LI-1-2025")
			.path("recordTaxRecord.taxRecord.version").entity(Integer.class).isEqualTo(0)
			.path("recordTaxRecord.taxRecord.taxPaid").entity(String.class).isEqualTo("3200000.50")
			.path("recordTaxRecord.taxRecord.creditGrade").entity(String.class).isEqualTo("A")
			.path("recordTaxRecord.taxRecord.recordedBy").entity(String.class).isEqualTo("rm_li");
		assertThat(this.mongoTemplate.findAll(AuditEvent.class)).singleElement().satisfies(event -> {
			assertThat(event.operation()).isEqualTo("recordTaxRecord");
			assertThat(event.entityType()).isEqualTo("TaxRecord");
			assertThat(event.entityId()).isEqualTo("C-LI-1-2025");
			assertThat(event.entityVersion()).isZero();
			assertThat(event.clientId()).isEqualTo("C-LI-1");
			assertThat(event.changes()).extracting("field", "before", "after")
				.contains(tuple("taxPaid", null, "3200000.5"), tuple("creditGrade", null, "A"));
		});
		assertThat(this.mongoTemplate.count(new Query(Criteria.where("pendingOutbox._id").exists(true)),
				"tax_records")).isZero();
	}

	@Test
	void expectedVersionZeroOnANewYearRecordsIt() {
		Map<String, Object> input = year("C-LI-1", 2024);
		input.put("expectedVersion", 0);
		record("rm_li", input).path("recordTaxRecord.taxRecord.version").entity(Integer.class).isEqualTo(0);
	}

	@Test
	void expectedVersionAboveZeroOnANewYearIsRefused() {
		Map<String, Object> input = year("C-LI-1", 2024);
		input.put("expectedVersion", 2);
		assertThat(fieldsOf(record("rm_li", input))).containsExactly("expectedVersion");
		assertNothingStored();
	}

	@Test
	void reRecordingAYearWithoutVersionIsADuplicateAStaleOneAConflictAndACorrectionIsAudited() {
		record("rm_li", year("C-LI-1", 2025)).path("recordTaxRecord.errors").entityList(Object.class).hasSize(0);
		Map<String, Object> again = year("C-LI-1", 2025);
		again.put("creditGrade", "B");
		record("rm_li", again).path("recordTaxRecord.errors[0].code").entity(String.class).isEqualTo("DUPLICATE")
			.path("recordTaxRecord.errors[0].field").entityList(String.class).containsExactly("input", "year")
			.path("recordTaxRecord.errors[0].currentVersion").entity(Integer.class).isEqualTo(0);
		again.put("expectedVersion", 0);
		record("rm_li", again).path("recordTaxRecord.errors[0].code").entity(String.class).isEqualTo("DUPLICATE");

		again.put("reason", "税务局复评 regraded");
		record("lead_sun", again).path("recordTaxRecord.taxRecord.version").entity(Integer.class).isEqualTo(1)
			.path("recordTaxRecord.taxRecord.creditGrade").entity(String.class).isEqualTo("B")
			.path("recordTaxRecord.taxRecord.recordedBy").entity(String.class).isEqualTo("lead_sun");

		again.put("creditGrade", "M");
		record("rm_li", again).path("recordTaxRecord.errors[0].code").entity(String.class).isEqualTo("CONFLICT")
			.path("recordTaxRecord.errors[0].field").entityList(String.class)
			.containsExactly("input", "expectedVersion")
			.path("recordTaxRecord.errors[0].currentVersion").entity(Integer.class).isEqualTo(1);

		List<AuditEvent> events = this.mongoTemplate.findAll(AuditEvent.class);
		assertThat(events).hasSize(2);
		assertThat(events).filteredOn(event -> event.entityVersion() == 1L).singleElement().satisfies(event -> {
			assertThat(event.reason()).isEqualTo("税务局复评 regraded");
			assertThat(event.changes()).extracting("field", "before", "after")
				.containsExactly(tuple("creditGrade", "A", "B"));
		});
		assertThat(this.mongoTemplate.findById("C-LI-1-2025", TaxRecord.class).creditGrade())
			.isEqualTo(TaxCreditGrade.B);
	}

	@Test
	void aCorrectionThatChangesNothingIsRefused() {
		record("rm_li", year("C-LI-1", 2025)).path("recordTaxRecord.errors").entityList(Object.class).hasSize(0);
		Map<String, Object> same = year("C-LI-1", 2025);
		same.put("expectedVersion", 0);
		same.put("reason", "again");
		record("rm_li", same).path("recordTaxRecord.errors[0].code").entity(String.class).isEqualTo("VALIDATION");
		assertThat(this.mongoTemplate.findAll(AuditEvent.class)).hasSize(1);
	}

	@Test
	void everyBrokenRuleIsReportedAtOnceAndNothingIsStored() {
		Map<String, Object> input = year("C LI 1", 1999);
		input.put("taxPaid", "-0.01");
		input.put("expectedVersion", -1);
		input.put("reason", "bad\u0007reason");
		assertThat(fieldsOf(record("rm_li", input))).containsExactlyInAnyOrder("clientId", "year", "taxPaid",
				"expectedVersion", "reason");
		assertNothingStored();
	}

	@Test
	void yearIsFrom2000ToTheCurrentYear() {
		for (int year : List.of(1999, 0, -2025, 2099)) {
			assertThat(fieldsOf(record("rm_li", year("C-LI-1", year)))).as("" + year).containsExactly("year");
		}
		record("rm_li", year("C-LI-1", 2000)).path("recordTaxRecord.taxRecord.year").entity(Integer.class)
			.isEqualTo(2000);
	}

	@Test
	void taxPaidHasAtMostTwoDecimalsWithinTheMoneyLimitAndIsNotNegative() {
		for (String amount : List.of("1.001", "-5", "1000000000000000.01")) {
			Map<String, Object> input = year("C-LI-1", 2025);
			input.put("taxPaid", amount);
			assertThat(fieldsOf(record("rm_li", input))).as(amount).containsExactly("taxPaid");
		}
		Map<String, Object> zero = year("C-LI-1", 2025);
		zero.put("taxPaid", "0");
		record("rm_li", zero).path("recordTaxRecord.taxRecord.taxPaid").entity(String.class).isEqualTo("0.00");
	}

	@Test
	void anotherRmsClientIsNotFoundLikeAMissingOneAlsoUnderAnAlias() {
		for (String clientId : List.of("C-ZHAO-1", "C-WANG-1", "C-NOPE")) {
			record("rm_li", year(clientId, 2025)).path("recordTaxRecord.errors[0].code").entity(String.class)
				.isEqualTo("NOT_FOUND")
				.path("recordTaxRecord.errors[0].field").entityList(String.class)
				.containsExactly("input", "clientId");
		}
		GraphQlTester.Response aliased = as(this.graphQlTester, "rm_li").document("""
				mutation($own: RecordTaxRecordInput!, $other: RecordTaxRecordInput!) {
				  own: recordTaxRecord(input: $own) { taxRecord { id } errors { code } }
				  other: recordTaxRecord(input: $other) { taxRecord { id } errors { code } }
				}""").variable("own", year("C-LI-1", 2025)).variable("other", year("C-ZHAO-1", 2025)).execute();
		aliased.path("own.taxRecord.id").entity(String.class).isEqualTo("C-LI-1-2025")
			.path("other.taxRecord").valueIsNull()
			.path("other.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
		assertThat(this.mongoTemplate.count(new Query(Criteria.where("clientId").is("C-ZHAO-1")), TaxRecord.class))
			.isZero();
	}

	@Test
	void leadsRecordForTheirUnitOnly() {
		record("lead_sun", year("C-ZHANG-1", 2025)).path("recordTaxRecord.taxRecord.id").entity(String.class)
			.isEqualTo("C-ZHANG-1-2025");
		record("lead_sun", year("C-XU-1", 2025)).path("recordTaxRecord.errors[0].code").entity(String.class)
			.isEqualTo("NOT_FOUND");
		record("mgr_chen", year("C-XU-1", 2025)).path("recordTaxRecord.taxRecord.id").entity(String.class)
			.isEqualTo("C-XU-1-2025");
		record("mgr_chen", year("C-ZHAO-1", 2025)).path("recordTaxRecord.errors[0].code").entity(String.class)
			.isEqualTo("NOT_FOUND");
	}

	@Test
	void rolesThatKeepNoBookAreForbidden() {
		for (String user : List.of("risk_zhou", "analyst_wu", "admin", "auditor_qian")) {
			assertThat(record(user, year("C-LI-1", 2025)).path("recordTaxRecord.errors[0].code")
				.entity(String.class)
				.get()).as(user).isEqualTo("FORBIDDEN");
		}
		assertNothingStored();
	}

	@Test
	void stringsAreStoredVerbatim() {
		Map<String, Object> input = year("C-LI-1", 2025);
		record("rm_li", input).path("recordTaxRecord.errors").entityList(Object.class).hasSize(0);
		input.put("expectedVersion", 0);
		input.put("creditGrade", "C");
		input.put("reason", "{\"$gt\": \"\"} a.b$c");
		record("rm_li", input).path("recordTaxRecord.taxRecord.version").entity(Integer.class).isEqualTo(1);
		assertThat(this.mongoTemplate.findAll(AuditEvent.class)).extracting(AuditEvent::reason)
			.contains("{\"$gt\": \"\"} a.b$c");
	}

	@Test
	void clientListsItsYearsNewestFirstThreeByDefault() {
		for (int year : List.of(2022, 2025, 2023, 2024)) {
			record("rm_li", year("C-LI-1", year)).path("recordTaxRecord.errors").entityList(Object.class).hasSize(0);
		}
		as(this.graphQlTester, "risk_zhou").document("""
				{ client(id: "C-LI-1") {
				    taxRecords { year version }
				    two: taxRecords(first: 2) { year }
				    none: taxRecords(first: 0) { year } }
				  other: client(id: "C-LI-2") { taxRecords { year } } }""")
			.execute()
			.path("client.taxRecords[*].year").entityList(Integer.class).containsExactly(2025, 2024, 2023)
			.path("client.taxRecords[0].version").entity(Integer.class).isEqualTo(0)
			.path("client.two[*].year").entityList(Integer.class).containsExactly(2025, 2024)
			.path("client.none").entityList(Object.class).hasSize(0)
			.path("other.taxRecords").entityList(Object.class).hasSize(0);
	}

	@Test
	void aPageSizeOutOfRangeIsABadRequest() {
		as(this.graphQlTester, "rm_li").document("{ client(id: \"C-LI-1\") { taxRecords(first: 31) { year } } }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
				assertThat(error.getErrorType().toString()).isEqualTo("BAD_REQUEST");
				assertThat(error.getMessage()).contains("first");
			}));
	}

	@Test
	void seededRecordsWithoutAVersionReadAsVersionZero() {
		this.mongoTemplate.insert(new TaxRecord("C-LI-1-2024", "C-LI-1", 2024, new java.math.BigDecimal("10.00"),
				TaxCreditGrade.M, java.time.Instant.parse("2025-06-30T02:00:00Z"), "demo-seed", null));
		as(this.graphQlTester, "rm_li").document("{ client(id: \"C-LI-1\") { taxRecords { year version } } }")
			.execute()
			.path("client.taxRecords[0].version").entity(Integer.class).isEqualTo(0);
		Map<String, Object> correction = year("C-LI-1", 2024);
		correction.put("expectedVersion", 0);
		correction.put("reason", "feed corrected");
		record("rm_li", correction).path("recordTaxRecord.taxRecord.version").entity(Integer.class).isEqualTo(1);
	}

	private GraphQlTester.Response record(String user, Map<String, Object> input) {
		return as(this.graphQlTester, user).document(RECORD).variable("input", input).execute();
	}

	private static List<String> fieldsOf(GraphQlTester.Response response) {
		List<List<String>> fields = response.path("recordTaxRecord.errors[*].field")
			.entityList(new ParameterizedTypeReference<List<String>>() {
			})
			.get();
		return fields.stream().map(path -> path.get(path.size() - 1)).toList();
	}

	private void assertNothingStored() {
		assertThat(this.mongoTemplate.count(new Query(), AuditEvent.class)).isZero();
		assertThat(this.mongoTemplate.count(new Query(), TaxRecord.class)).isZero();
	}

}
