package com.corpbank.portal.financials;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.corpbank.portal.audit.AuditEvent;
import com.corpbank.portal.support.ClientBookFixture;
import com.corpbank.portal.support.PortalTest;
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

/**
 * recordFinancialStatement: a new period, corrections (DUPLICATE without version and reason, CONFLICT when stale),
 * every validation rule, the size re-derived with its basis, scope and roles. The fixture's clients are industry
 * C34 (INDUSTRY), MEDIUM, with 2024 and 2025 statements: revenue 150,000,000.00, 420 employees.
 */
@PortalTest
class RecordFinancialStatementTests {

	static final String RECORD = """
			mutation($input: RecordFinancialStatementInput!) {
			  recordFinancialStatement(input: $input) {
			    statement { id period periodEnd currency revenue netProfit totalAssets totalLiabilities currentAssets
			                currentLiabilities operatingCashFlow taxPaid employees debtRatio netMargin returnOnAssets
			                currentRatio version }
			    client { id size version sizeBasis { category rule period } }
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

	/** A valid quarter for C-LI-1 (quarters leave the size alone); tests change what they test. */
	static Map<String, Object> quarter(String clientId) {
		Map<String, Object> input = new HashMap<>();
		input.put("clientId", clientId);
		input.put("period", "2026Q2");
		input.put("periodEnd", "2026-06-30");
		input.put("revenue", "40000000.00");
		input.put("netProfit", "-1250000.50");
		input.put("totalAssets", "125000000");
		input.put("totalLiabilities", "80000000.00");
		input.put("currentAssets", "50000000.00");
		input.put("currentLiabilities", "40000000.00");
		input.put("operatingCashFlow", "-3000000.00");
		input.put("employees", 430);
		return input;
	}

	/** A correction of C-LI-1's 2025 statement that makes it large: 1,200 staff, 50,000 万元 revenue. */
	static Map<String, Object> largeYear(String clientId) {
		Map<String, Object> input = new HashMap<>();
		input.put("clientId", clientId);
		input.put("period", "2025");
		input.put("periodEnd", "2025-12-31");
		input.put("currency", "CNY");
		input.put("revenue", "500000000.00");
		input.put("netProfit", "30000000.00");
		input.put("totalAssets", "600000000.00");
		input.put("totalLiabilities", "330000000.00");
		input.put("operatingCashFlow", "42000000.00");
		input.put("employees", 1200);
		input.put("reason", "audited figures replace the draft");
		input.put("expectedVersion", 0);
		return input;
	}

	@Test
	void rmRecordsANewQuarterAtVersionZeroWithRatiosAndOneAuditEvent() {
		GraphQlTester.Response response = record("rm_li", quarter("C-LI-1"));
		response.path("recordFinancialStatement.errors").entityList(Object.class).hasSize(0);
		response.path("recordFinancialStatement.statement.id").entity(String.class).isEqualTo("C-LI-1-2026Q2")
			.path("recordFinancialStatement.statement.version").entity(Integer.class).isEqualTo(0)
			.path("recordFinancialStatement.statement.currency").entity(String.class).isEqualTo("CNY")
			.path("recordFinancialStatement.statement.totalAssets").entity(String.class).isEqualTo("125000000.00")
			.path("recordFinancialStatement.statement.netProfit").entity(String.class).isEqualTo("-1250000.50")
			.path("recordFinancialStatement.statement.operatingCashFlow").entity(String.class).isEqualTo("-3000000.00")
			.path("recordFinancialStatement.statement.taxPaid").valueIsNull()
			// 80,000,000 / 125,000,000 = 0.64; -1,250,000.50 / 40,000,000 = -0.03125... → -0.0313 (half-up)
			.path("recordFinancialStatement.statement.debtRatio").entity(String.class).isEqualTo("0.6400")
			.path("recordFinancialStatement.statement.netMargin").entity(String.class).isEqualTo("-0.0313")
			.path("recordFinancialStatement.statement.returnOnAssets").entity(String.class).isEqualTo("-0.0100")
			.path("recordFinancialStatement.statement.currentRatio").entity(String.class).isEqualTo("1.2500")
			// A quarter leaves the size alone: the client is not written.
			.path("recordFinancialStatement.client.size").entity(String.class).isEqualTo("MEDIUM")
			.path("recordFinancialStatement.client.version").entity(Integer.class).isEqualTo(0)
			.path("recordFinancialStatement.client.sizeBasis").valueIsNull();

		List<AuditEvent> events = this.mongoTemplate.findAll(AuditEvent.class);
		assertThat(events).singleElement().satisfies(event -> {
			assertThat(event.operation()).isEqualTo("recordFinancialStatement");
			assertThat(event.entityType()).isEqualTo("FinancialStatement");
			assertThat(event.entityId()).isEqualTo("C-LI-1-2026Q2");
			assertThat(event.entityVersion()).isZero();
			assertThat(event.actor()).isEqualTo("rm_li");
			assertThat(event.changes()).extracting("field").contains("period", "revenue", "netProfit", "employees");
		});
		assertThat(pendingOutboxes()).isZero();
		assertThat(statement("C-LI-1-2026Q2").get("sizeApplied")).isNull();
	}

	@Test
	void aNewQuarterIsTheLatestStatement() {
		record("rm_li", quarter("C-LI-1")).path("recordFinancialStatement.errors").entityList(Object.class).hasSize(0);
		as(this.graphQlTester, "rm_li").document("{ client(id: \"C-LI-1\") { latestFinancials { period version } } }")
			.execute()
			.path("client.latestFinancials.period").entity(String.class).isEqualTo("2026Q2");
	}

	@Test
	void correctingTheLatestYearReDerivesTheSizeAndShowsItsBasis() {
		GraphQlTester.Response response = record("rm_li", largeYear("C-LI-1"));
		response.path("recordFinancialStatement.errors").entityList(Object.class).hasSize(0);
		response.path("recordFinancialStatement.statement.version").entity(Integer.class).isEqualTo(1)
			.path("recordFinancialStatement.statement.currentAssets").valueIsNull()
			.path("recordFinancialStatement.statement.currentRatio").valueIsNull()
			.path("recordFinancialStatement.client.size").entity(String.class).isEqualTo("LARGE")
			.path("recordFinancialStatement.client.version").entity(Integer.class).isEqualTo(1)
			.path("recordFinancialStatement.client.sizeBasis.category").entity(String.class).isEqualTo("INDUSTRY")
			.path("recordFinancialStatement.client.sizeBasis.rule").entity(String.class)
			.isEqualTo("large: X>=1000 & Y>=40000")
			.path("recordFinancialStatement.client.sizeBasis.period").entity(String.class).isEqualTo("2025");

		as(this.graphQlTester, "lead_sun").document("""
				{ client(id: "C-LI-1") { size sizeBasis { rule period } latestFinancials { period revenue version } } }""")
			.execute()
			.path("client.size").entity(String.class).isEqualTo("LARGE")
			.path("client.sizeBasis.period").entity(String.class).isEqualTo("2025")
			.path("client.latestFinancials.revenue").entity(String.class).isEqualTo("500000000.00")
			.path("client.latestFinancials.version").entity(Integer.class).isEqualTo(1);

		// Two documents changed, two events: the statement's and the client's, each with its own version.
		AuditEvent statementEvent = onlyEvent("C-LI-1-2025");
		assertThat(statementEvent.entityVersion()).isEqualTo(1L);
		assertThat(statementEvent.reason()).isEqualTo("audited figures replace the draft");
		assertThat(statementEvent.changes()).extracting("field")
			.containsExactlyInAnyOrder("revenue", "netProfit", "totalAssets", "totalLiabilities", "currentAssets",
					"currentLiabilities", "operatingCashFlow", "taxPaid", "employees");
		assertThat(statementEvent.changes()).filteredOn(change -> change.field().equals("revenue"))
			.singleElement()
			.satisfies(change -> {
				assertThat(change.before()).isEqualTo("150000000");
				assertThat(change.after()).isEqualTo("500000000");
			});
		AuditEvent clientEvent = onlyEvent("C-LI-1");
		assertThat(clientEvent.entityType()).isEqualTo("Client");
		assertThat(clientEvent.entityVersion()).isEqualTo(1L);
		assertThat(clientEvent.actor()).isEqualTo("rm_li");
		assertThat(clientEvent.requestId()).isEqualTo(statementEvent.requestId());
		assertThat(clientEvent.changes()).extracting("field", "before", "after")
			.contains(org.assertj.core.groups.Tuple.tuple("size", "MEDIUM", "LARGE"),
					org.assertj.core.groups.Tuple.tuple("sizeBasis.period", null, "2025"));
		assertThat(statement("C-LI-1-2025").get("sizeApplied")).as("marker cleared").isNull();
		assertThat(pendingOutboxes()).isZero();
	}

	@Test
	void anOlderYearStillSizesTheClientFromItsLatestYear() {
		Map<String, Object> input = largeYear("C-LI-1");
		input.put("period", "2021");
		input.put("periodEnd", "2021-12-31");
		input.remove("expectedVersion");
		GraphQlTester.Response response = record("rm_li", input);
		response.path("recordFinancialStatement.errors").entityList(Object.class).hasSize(0);
		// 2025 (420 staff, 15,000 万元) still decides: medium, now with its basis written.
		response.path("recordFinancialStatement.client.size").entity(String.class).isEqualTo("MEDIUM")
			.path("recordFinancialStatement.client.sizeBasis.rule").entity(String.class)
			.isEqualTo("medium: X>=300 & Y>=2000")
			.path("recordFinancialStatement.client.sizeBasis.period").entity(String.class).isEqualTo("2025");
	}

	@Test
	void aYearInAnotherCurrencyLeavesTheSizeAlone() {
		Map<String, Object> input = largeYear("C-LI-1");
		input.put("currency", "USD");
		record("rm_li", input).path("recordFinancialStatement.client.size").entity(String.class).isEqualTo("MEDIUM")
			.path("recordFinancialStatement.client.version").entity(Integer.class).isEqualTo(0)
			.path("recordFinancialStatement.statement.currency").entity(String.class).isEqualTo("USD");
		assertThat(statement("C-LI-1-2025").get("sizeApplied")).isNull();
	}

	@Test
	void recordingAPeriodOnFileWithoutVersionIsADuplicateNamingItsVersion() {
		Map<String, Object> input = largeYear("C-LI-1");
		input.remove("expectedVersion");
		GraphQlTester.Response response = record("rm_li", input);
		response.path("recordFinancialStatement.statement").valueIsNull();
		response.path("recordFinancialStatement.errors[0].code").entity(String.class).isEqualTo("DUPLICATE")
			.path("recordFinancialStatement.errors[0].field").entityList(String.class).containsExactly("input", "period")
			.path("recordFinancialStatement.errors[0].currentVersion").entity(Integer.class).isEqualTo(0)
			.path("recordFinancialStatement.errors[0].message").entity(String.class)
			.satisfies(message -> assertThat(message).contains("version 0").contains("expectedVersion").contains("reason"));
		assertNothingChanged();
	}

	@Test
	void aCorrectionWithoutReasonIsADuplicate() {
		Map<String, Object> input = largeYear("C-LI-1");
		input.remove("reason");
		record("rm_li", input).path("recordFinancialStatement.errors[0].code").entity(String.class)
			.isEqualTo("DUPLICATE");
		assertNothingChanged();
	}

	@Test
	void aStaleCorrectionIsAConflictNamingTheCurrentVersion() {
		record("rm_li", largeYear("C-LI-1")).path("recordFinancialStatement.errors").entityList(Object.class)
			.hasSize(0);
		Map<String, Object> stale = largeYear("C-LI-1");
		stale.put("employees", 1300);
		GraphQlTester.Response response = record("lead_sun", stale);
		response.path("recordFinancialStatement.errors[0].code").entity(String.class).isEqualTo("CONFLICT")
			.path("recordFinancialStatement.errors[0].field").entityList(String.class)
			.containsExactly("input", "expectedVersion")
			.path("recordFinancialStatement.errors[0].currentVersion").entity(Integer.class).isEqualTo(1);
		assertThat(statement("C-LI-1-2025").get("employees")).isEqualTo(1200);
		assertThat(this.mongoTemplate.count(new Query(), AuditEvent.class)).isEqualTo(2);
	}

	@Test
	void aCorrectionThatChangesNothingIsRefused() {
		record("rm_li", largeYear("C-LI-1")).path("recordFinancialStatement.errors").entityList(Object.class)
			.hasSize(0);
		Map<String, Object> same = largeYear("C-LI-1");
		same.put("expectedVersion", 1);
		record("rm_li", same).path("recordFinancialStatement.errors[0].code").entity(String.class)
			.isEqualTo("VALIDATION");
		assertThat(this.mongoTemplate.count(new Query(), AuditEvent.class)).isEqualTo(2);
	}

	@Test
	void expectedVersionOnANewPeriodIsRefused() {
		Map<String, Object> input = quarter("C-LI-1");
		input.put("expectedVersion", 0);
		record("rm_li", input).path("recordFinancialStatement.errors[0].code").entity(String.class)
			.isEqualTo("VALIDATION")
			.path("recordFinancialStatement.errors[0].field").entityList(String.class)
			.containsExactly("input", "expectedVersion");
		assertNothingChanged();
	}

	@Test
	void everyBrokenRuleIsReportedAtOnceAndNothingIsStored() {
		Map<String, Object> input = quarter("C-LI-1");
		input.put("periodEnd", "2026-06-29");
		input.put("currency", "usd");
		input.put("revenue", "-1.00");
		input.put("totalAssets", "-0.01");
		input.put("totalLiabilities", "-5");
		input.put("netProfit", "1.005");
		input.put("operatingCashFlow", "1000000000000000.01");
		input.put("taxPaid", "-3");
		input.put("currentLiabilities", "90000000.00");
		input.put("employees", -1);
		GraphQlTester.Response response = record("rm_li", input);
		response.path("recordFinancialStatement.statement").valueIsNull();
		assertThat(fieldsOf(response)).containsExactlyInAnyOrder("periodEnd", "currency", "revenue", "totalAssets",
				"totalLiabilities", "netProfit", "operatingCashFlow", "taxPaid", "employees");
		response.path("recordFinancialStatement.errors[*].code").entityList(String.class)
			.satisfies(codes -> assertThat(codes).containsOnly("VALIDATION"));
		assertNothingChanged();
	}

	@Test
	void periodEndMustBeThePeriodsLastDay() {
		Map<String, Object> input = quarter("C-LI-1");
		input.put("period", "2025Q3");
		input.put("periodEnd", "2025-12-31");
		GraphQlTester.Response response = record("rm_li", input);
		assertThat(fieldsOf(response)).containsExactly("periodEnd");
		response.path("recordFinancialStatement.errors[0].message").entity(String.class)
			.satisfies(message -> assertThat(message).contains("2025-09-30"));
		input.put("periodEnd", "2025-09-30");
		record("rm_li", input).path("recordFinancialStatement.errors").entityList(Object.class).hasSize(0);
	}

	@Test
	void periodIsAYearOrAQuarterInOneSpelling() {
		for (String period : List.of("2025-Q3", "25", "2025Q5", "2025q3", "1900", "Q3 2025", "")) {
			Map<String, Object> input = quarter("C-LI-1");
			input.put("period", period);
			assertThat(fieldsOf(record("rm_li", input))).as(period).containsExactly("period");
		}
		assertNothingChanged();
	}

	@Test
	void aPeriodThatHasNotEndedIsRefused() {
		Map<String, Object> input = quarter("C-LI-1");
		input.put("period", "2099");
		input.put("periodEnd", "2099-12-31");
		GraphQlTester.Response response = record("rm_li", input);
		assertThat(fieldsOf(response)).containsExactly("period");
		response.path("recordFinancialStatement.errors[0].message").entity(String.class)
			.satisfies(message -> assertThat(message).contains("has ended"));
	}

	@Test
	void currencyIsAnIsoCodeAndDefaultsToCny() {
		for (String currency : List.of("XYZ", "EURO", "CN", "人民币")) {
			Map<String, Object> input = quarter("C-LI-1");
			input.put("currency", currency);
			assertThat(fieldsOf(record("rm_li", input))).as(currency).containsExactly("currency");
		}
		Map<String, Object> input = quarter("C-LI-1");
		input.put("currency", "HKD");
		record("rm_li", input).path("recordFinancialStatement.statement.currency").entity(String.class)
			.isEqualTo("HKD");
	}

	@Test
	void currentFiguresCannotExceedTheTotals() {
		Map<String, Object> input = quarter("C-LI-1");
		input.put("currentAssets", "125000000.01");
		input.put("currentLiabilities", "80000000.01");
		assertThat(fieldsOf(record("rm_li", input))).containsExactlyInAnyOrder("currentAssets", "currentLiabilities");
	}

	@Test
	void zeroAssetsAndRevenueGiveNoRatios() {
		Map<String, Object> input = quarter("C-LI-1");
		input.put("revenue", "0");
		input.put("totalAssets", "0.00");
		input.put("currentAssets", "0");
		input.put("currentLiabilities", "0");
		record("rm_li", input).path("recordFinancialStatement.statement.debtRatio").valueIsNull()
			.path("recordFinancialStatement.statement.netMargin").valueIsNull()
			.path("recordFinancialStatement.statement.returnOnAssets").valueIsNull()
			.path("recordFinancialStatement.statement.currentRatio").valueIsNull();
	}

	@Test
	void aReasonIsDataStoredVerbatim() {
		Map<String, Object> input = largeYear("C-LI-1");
		input.put("reason", "{\"$gt\": \"\"} a.b$c");
		record("rm_li", input).path("recordFinancialStatement.errors").entityList(Object.class).hasSize(0);
		assertThat(onlyEvent("C-LI-1-2025").reason()).isEqualTo("{\"$gt\": \"\"} a.b$c");
	}

	@Test
	void anotherRmsClientIsNotFoundLikeAMissingOne() {
		for (String clientId : List.of("C-WANG-1", "C-ZHAO-1", "C-NOPE")) {
			record("rm_li", quarter(clientId)).path("recordFinancialStatement.errors[0].code").entity(String.class)
				.isEqualTo("NOT_FOUND")
				.path("recordFinancialStatement.errors[0].field").entityList(String.class)
				.containsExactly("input", "clientId");
		}
		// A lead is scoped to their team: lead_sun (SH-PD-T1) does not reach rm_xu's client.
		record("lead_sun", quarter("C-XU-1")).path("recordFinancialStatement.errors[0].code").entity(String.class)
			.isEqualTo("NOT_FOUND");
		assertNothingChanged();
	}

	@Test
	void aliasesAreScopedOneByOne() {
		Map<String, Object> other = quarter("C-WANG-1");
		GraphQlTester.Response response = as(this.graphQlTester, "rm_li").document("""
				mutation($own: RecordFinancialStatementInput!, $other: RecordFinancialStatementInput!) {
				  own: recordFinancialStatement(input: $own) { statement { id } errors { code } }
				  other: recordFinancialStatement(input: $other) { statement { id } client { id } errors { code } }
				}""").variable("own", quarter("C-LI-1")).variable("other", other).execute();
		response.path("own.statement.id").entity(String.class).isEqualTo("C-LI-1-2026Q2")
			.path("other.statement").valueIsNull()
			.path("other.client").valueIsNull()
			.path("other.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
		assertThat(this.mongoTemplate.count(new Query(Criteria.where("clientId").is("C-WANG-1")),
				FinancialStatement.class)).isEqualTo(2);
	}

	@Test
	void coRmAndLeadsMayRecord() {
		record("rm_wang", quarter("C-LI-2")).path("recordFinancialStatement.errors").entityList(Object.class)
			.hasSize(0);
		record("lead_sun", quarter("C-ZHANG-1")).path("recordFinancialStatement.errors").entityList(Object.class)
			.hasSize(0);
		record("mgr_chen", quarter("C-XU-1")).path("recordFinancialStatement.errors").entityList(Object.class)
			.hasSize(0);
	}

	@Test
	void rolesThatKeepNoBookAreForbidden() {
		for (String user : List.of("risk_zhou", "analyst_wu", "admin", "auditor_qian")) {
			assertThat(record(user, quarter("C-LI-1")).path("recordFinancialStatement.errors[0].code")
				.entity(String.class)
				.get()).as(user).isEqualTo("FORBIDDEN");
		}
		assertNothingChanged();
	}

	private GraphQlTester.Response record(String user, Map<String, Object> input) {
		return as(this.graphQlTester, user).document(RECORD).variable("input", input).execute();
	}

	private static List<String> fieldsOf(GraphQlTester.Response response) {
		List<List<String>> fields = response.path("recordFinancialStatement.errors[*].field")
			.entityList(new org.springframework.core.ParameterizedTypeReference<List<String>>() {
			})
			.get();
		return fields.stream().map(path -> path.get(path.size() - 1)).toList();
	}

	private AuditEvent onlyEvent(String entityId) {
		List<AuditEvent> events = this.mongoTemplate.find(new Query(Criteria.where("entityId").is(entityId)),
				AuditEvent.class);
		assertThat(events).hasSize(1);
		return events.get(0);
	}

	private Document statement(String id) {
		return this.mongoTemplate.findById(id, Document.class, "financial_statements");
	}

	private long pendingOutboxes() {
		return this.mongoTemplate.count(new Query(Criteria.where("pendingOutbox._id").exists(true)), "clients")
				+ this.mongoTemplate.count(new Query(Criteria.where("pendingOutbox._id").exists(true)),
						"financial_statements");
	}

	private void assertNothingChanged() {
		assertThat(this.mongoTemplate.count(new Query(), AuditEvent.class)).isZero();
		assertThat(this.mongoTemplate.count(new Query(), FinancialStatement.class)).isEqualTo(18);
		assertThat(this.mongoTemplate.count(new Query(Criteria.where("version").gt(0)), "clients")).isZero();
		assertThat(this.mongoTemplate.count(new Query(Criteria.where("version").gt(0)), "financial_statements"))
			.isZero();
	}

}
