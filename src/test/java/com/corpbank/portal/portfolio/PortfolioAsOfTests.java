package com.corpbank.portal.portfolio;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.corpbank.portal.client.Client;
import com.corpbank.portal.financials.FinancialStatement;
import com.corpbank.portal.manager.RelationshipManager;
import com.corpbank.portal.metrics.RelationshipMetrics;
import com.corpbank.portal.risk.CreditRating;
import com.corpbank.portal.risk.FiveCategory;
import com.corpbank.portal.risk.RiskGrade;
import com.corpbank.portal.risk.RiskHistoryEntry;
import com.corpbank.portal.support.ClientBookFixture;
import com.corpbank.portal.support.MongoCommandCounter;
import com.corpbank.portal.support.PortalTest;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static com.corpbank.portal.support.Testers.as;
import static com.corpbank.portal.portfolio.ExpectedPortfolio.figures;
import static com.corpbank.portal.portfolio.ExpectedPortfolio.figuresByKey;
import static com.corpbank.portal.portfolio.ExpectedPortfolio.normalised;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code Query.portfolio(asOf:)}: for every role, several dimensions and dates around history changes (a tier change,
 * rating changes in the past and through {@code setRiskGrade} today, a handover through {@code assignClient} today, a
 * client onboarded later, one without an onboarding date, month and year ends), each group's count and sums equal
 * what this test computes from the rows the same caller lists with {@code clients { asOf(date:) }} and the figures
 * of that date read from the store; one aggregation per request for a small and a large book; typed errors for
 * hostile dates.
 */
@PortalTest
class PortfolioAsOfTests {

	private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	static final String ROWS = """
			query($date: Date!) {
			  clients(first: 100) {
			    totalCount
			    edges { node {
			      id onboardedOn industry { section } region size
			      asOf(date: $date) { tier rating fiveCategory primaryManager }
			    } }
			  }
			}""";

	static final String FIGURES = "clientCount revenue clientsWithRevenue averageDeposits loanBalance feeIncome "
			+ "clientsWithMetrics oldestMetricsMonth newestMetricsMonth";

	static final String PORTFOLIO = """
			query($groupBy: PortfolioDimension!, $asOf: Date, $filter: ClientFilter) {
			  portfolio(groupBy: $groupBy, asOf: $asOf, filter: $filter) {
			    groupBy asOf computedAt
			    groups { key figures { %s } }
			    totals { %s }
			  }
			}""".formatted(FIGURES, FIGURES);

	/** Every demo user who may list clients. */
	static Stream<String> listers() {
		return Stream.of("rm_li", "rm_zhang", "rm_wang", "rm_xu", "rm_zhao", "rm_liu", "lead_sun", "mgr_chen", "mgr_he",
				"risk_zhou", "analyst_wu");
	}

	/** The team of each RM in the directory (the team of an RM as of a date is its team now). */
	private static final Map<String, String> TEAMS = ClientBookFixture.managers()
		.stream()
		.collect(Collectors.toMap(RelationshipManager::username, RelationshipManager::teamCode));

	@Autowired
	HttpGraphQlTester graphQlTester;

	@Autowired
	MongoTemplate mongoTemplate;

	@Autowired
	MongoCommandCounter commands;

	@BeforeEach
	void loadBookAndHistory() {
		ClientBookFixture fixture = new ClientBookFixture(this.mongoTemplate);
		fixture.loadWithRelationshipData();
		fixture.addBulkClients("rm_liu", 1);
		// Tier changes (Beijing times): C-LI-1 B on 2026-03-10, A in the last second of 2026-09-30; C-WANG-1 C in the
		// first second of 2026-06-30; C-ZHAO-1 B on 2026-07-01 (its seeded A has no entry: before then, unknown).
		this.mongoTemplate.getCollection("tier_history")
			.insertMany(List.of(tierEntry("T-1", "C-LI-1", "B", "2026-03-10T10:00:00"),
					tierEntry("T-2", "C-LI-1", "A", "2026-09-30T23:59:59"),
					tierEntry("T-3", "C-WANG-1", "C", "2026-06-30T00:00:00"),
					tierEntry("T-4", "C-ZHAO-1", "B", "2026-07-01T00:00:00")));
		// A rating change in the past: C-ZHANG-1 from A (rated 2026-03-31) to BBB on 2026-05-15.
		RiskGrade before = new RiskGrade(CreditRating.A, FiveCategory.NORMAL, LocalDate.of(2026, 3, 31));
		RiskGrade after = new RiskGrade(CreditRating.BBB, FiveCategory.SPECIAL_MENTION, LocalDate.of(2026, 5, 15));
		this.mongoTemplate.insert(new RiskHistoryEntry("R-1", "C-ZHANG-1", after, before, beijing("2026-05-15T11:00:00"),
				"risk_zhou", "review", 1));
		this.mongoTemplate.updateFirst(new Query(Criteria.where("_id").is("C-ZHANG-1")), new Update().set("risk", after),
				Client.class);
		// A client onboarded later, and one without an onboarding date (not counted as of any date).
		this.mongoTemplate.updateFirst(new Query(Criteria.where("_id").is("C-WANG-2")),
				new Update().set("onboardedOn", LocalDate.of(2026, 8, 1)), Client.class);
		this.mongoTemplate.updateFirst(new Query(Criteria.where("_id").is("C-XU-2")), new Update().unset("onboardedOn"),
				Client.class);
		// Figures: a 2026 annual statement (not ended by any date asked), a 2025 one in USD for C-ZHAO-2, quarters that
		// never count, a November month with odd fen for some, nothing at all for C-XU-1.
		List<FinancialStatement> statements = new ArrayList<>();
		List<RelationshipMetrics> months = new ArrayList<>();
		int i = 0;
		for (String clientId : this.mongoTemplate.findDistinct("_id", Client.class, String.class)) {
			i++;
			statements.add(statement(clientId, "2026", LocalDate.of(2026, 12, 31), "CNY", "7.77"));
			statements.add(statement(clientId, "2026Q1", LocalDate.of(2026, 3, 31), "CNY", "3.33"));
			if (i % 2 == 0) {
				months.add(month(clientId, YearMonth.of(2026, 11), "%d.%02d".formatted(i, i * 13 % 100),
						"0.%02d".formatted(i), "99999.%02d".formatted(i)));
			}
		}
		this.mongoTemplate.remove(new Query(Criteria.where("_id").is("C-ZHAO-2-2025")), FinancialStatement.class);
		statements.add(statement("C-ZHAO-2", "2025", LocalDate.of(2025, 12, 31), "USD", "123.45"));
		this.mongoTemplate.insertAll(statements);
		this.mongoTemplate.insertAll(months);
		this.mongoTemplate.remove(new Query(Criteria.where("clientId").is("C-XU-1")), RelationshipMetrics.class);
		this.mongoTemplate.remove(new Query(Criteria.where("clientId").is("C-XU-1")), FinancialStatement.class);
	}

	/** Dates around every change of the fixture (today and yesterday matter after the mutations of some tests). */
	static List<String> dates() {
		LocalDate today = LocalDate.now(BEIJING);
		return List.of("2012-02-29", "2024-12-30", "2025-12-31", "2026-03-09", "2026-03-10", "2026-05-14",
				"2026-05-15", "2026-06-30", "2026-07-31", "2026-08-01", "2026-09-29", "2026-09-30",
				today.minusDays(1).toString(), today.toString());
	}

	@ParameterizedTest
	@MethodSource("listers")
	void everyGroupingOnEveryDateEqualsTheRowsTheSameCallerListsAsOfIt(String user) {
		List<String> dates = dates();
		for (int d = 0; d < dates.size(); d++) {
			String date = dates.get(d);
			List<Map<String, Object>> rows = rows(user, date);
			// Every dimension with history on every date; those without (read as they are now) in turn.
			List<PortfolioDimension> dimensions = new ArrayList<>(List.of(PortfolioDimension.TIER,
					PortfolioDimension.RATING, PortfolioDimension.FIVE_CATEGORY, PortfolioDimension.PRIMARY_RM,
					PortfolioDimension.TEAM));
			dimensions.add(List.of(PortfolioDimension.INDUSTRY_SECTION, PortfolioDimension.REGION,
					PortfolioDimension.SIZE).get(d % 3));
			for (PortfolioDimension dimension : dimensions) {
				Map<String, Object> portfolio = portfolio(user, dimension, date);
				assertThat(portfolio.get("asOf")).isEqualTo(date);
				assertThat(figuresByKey(portfolio)).as(user + " by " + dimension + " as of " + date)
					.isEqualTo(expectedByKey(rows, dimension, date));
				assertThat(normalised(figures(portfolio.get("totals")))).as(user + " totals as of " + date)
					.isEqualTo(expected(rows, date));
			}
		}
	}

	@Test
	void theHistoryMovesTheGroupsOnTheDayOfEachChange() {
		// The tier change of C-LI-1 (B from 2026-03-10, A from the last second of 2026-09-30): rm_li's tiers.
		// rm_li lists C-LI-1, C-LI-2 (seeded B from 2026-06-30) and C-WANG-2 (onboarded 2026-08-01, seeded A).
		assertThat(counts("rm_li", PortfolioDimension.TIER, "2026-03-09")).isEqualTo(Map.of("null", 2));
		assertThat(counts("rm_li", PortfolioDimension.TIER, "2026-03-10")).isEqualTo(Map.of("B", 1, "null", 1));
		assertThat(counts("rm_li", PortfolioDimension.TIER, "2026-09-29")).isEqualTo(Map.of("A", 1, "B", 2));
		assertThat(counts("rm_li", PortfolioDimension.TIER, "2026-09-30")).isEqualTo(Map.of("A", 2, "B", 1));
		// C-WANG-1's first entry at 00:00:00 on 2026-06-30 counts from that day, not the day before (rm_wang also lists
		// C-LI-2, seeded B from 2026-06-30).
		assertThat(counts("rm_wang", PortfolioDimension.TIER, "2026-06-29")).isEqualTo(Map.of("null", 2));
		assertThat(counts("rm_wang", PortfolioDimension.TIER, "2026-06-30")).isEqualTo(Map.of("B", 1, "C", 1));
		// The rating change of C-ZHANG-1 on 2026-05-15; before 2026-03-31 its replaced grade was not yet set.
		assertThat(counts("rm_zhang", PortfolioDimension.RATING, "2026-05-14")).isEqualTo(Map.of("A", 1));
		assertThat(counts("rm_zhang", PortfolioDimension.FIVE_CATEGORY, "2026-05-15"))
			.isEqualTo(Map.of("SPECIAL_MENTION", 1));
		assertThat(counts("rm_zhang", PortfolioDimension.RATING, "2026-03-30")).isEqualTo(Map.of("null", 1));
		// C-WANG-2, onboarded 2026-08-01, is not counted the day before (rm_wang also lists C-WANG-1 and C-LI-2).
		assertThat(total("rm_wang", "2026-07-31")).isEqualTo(2);
		assertThat(total("rm_wang", "2026-08-01")).isEqualTo(3);
		// Before the book's first onboarding (2012-03-01): an empty answer.
		Map<String, Object> empty = portfolio("analyst_wu", PortfolioDimension.TIER, "2012-02-29");
		assertThat((List<?>) empty.get("groups")).isEmpty();
		assertThat(figures(empty.get("totals"))).containsEntry("clientCount", 0).containsEntry("revenue", "0.00");
		// Ten clients: C-XU-2 has no onboarding date, C-WANG-2 came later.
		assertThat(total("analyst_wu", "2012-03-01")).isEqualTo(8);
	}

	@Test
	void monthAndYearEndsDecideTheFigures() {
		// September's figures count from the end of 30 September, the 2025 statement from the end of 2025-12-31.
		assertThat(figures(portfolio("rm_zhang", PortfolioDimension.TIER, "2026-09-29").get("totals")))
			.containsEntry("newestMetricsMonth", "2026-08");
		assertThat(figures(portfolio("rm_zhang", PortfolioDimension.TIER, "2026-09-30").get("totals")))
			.containsEntry("newestMetricsMonth", "2026-09");
		Map<String, Object> lastDayOf2025 = figures(
				portfolio("rm_zhao", PortfolioDimension.TIER, "2025-12-31").get("totals"));
		Map<String, Object> dayBefore = figures(portfolio("rm_zhao", PortfolioDimension.TIER, "2025-12-30").get("totals"));
		// Both clients' 2024 statements in CNY the day before; on the day C-ZHAO-2's 2025 one is in USD: left out.
		assertThat(dayBefore).containsEntry("clientsWithRevenue", 2).containsEntry("revenue", "300000000.00");
		assertThat(lastDayOf2025).containsEntry("clientsWithRevenue", 1).containsEntry("revenue", "150000000.00");
		// Nothing before the first month (2024-11) ended.
		assertThat(figures(portfolio("rm_zhang", PortfolioDimension.TIER, "2024-11-29").get("totals")))
			.containsEntry("clientsWithMetrics", 0)
			.containsEntry("averageDeposits", "0.00")
			.containsEntry("clientCount", 1);
	}

	@Test
	void aHandoverAndARatingChangeTodayLeaveYesterdayAsItWasForTheCallersOfToday() {
		LocalDate today = LocalDate.now(BEIJING);
		String yesterday = today.minusDays(1).toString();
		as(this.graphQlTester, "lead_sun").document("""
				mutation($input: AssignClientInput!) { assignClient(input: $input) { errors { code } } }""")
			.variable("input", Map.of("clientId", "C-LI-1", "primaryManager", "rm_zhang", "coManagers", List.of(),
					"reason", "handover", "expectedVersion", 0))
			.execute()
			.path("assignClient.errors")
			.entityList(Object.class)
			.hasSize(0);
		as(this.graphQlTester, "risk_zhou").document("""
				mutation($input: SetRiskGradeInput!) { setRiskGrade(input: $input) { errors { code } } }""")
			.variable("input", Map.of("clientId", "C-LI-1", "rating", "BB", "fiveCategory", "SUBSTANDARD",
					"overdueDays", 120, "reason", "overdue", "expectedVersion", 1))
			.execute()
			.path("setRiskGrade.errors")
			.entityList(Object.class)
			.hasSize(0);
		// rm_zhang lists C-LI-1 now: yesterday it was rm_li's, rated A; today it is rm_zhang's, rated BB.
		assertThat(counts("rm_zhang", PortfolioDimension.PRIMARY_RM, yesterday)).isEqualTo(Map.of("rm_li", 1, "rm_zhang", 1));
		assertThat(counts("rm_zhang", PortfolioDimension.PRIMARY_RM, today.toString())).isEqualTo(Map.of("rm_zhang", 2));
		assertThat(counts("rm_zhang", PortfolioDimension.RATING, yesterday)).isEqualTo(Map.of("A", 1, "BBB", 1));
		assertThat(counts("rm_zhang", PortfolioDimension.RATING, today.toString())).isEqualTo(Map.of("BB", 1, "BBB", 1));
		// rm_li no longer lists it, so not even yesterday's portfolio counts it for him.
		assertThat(counts("rm_li", PortfolioDimension.PRIMARY_RM, yesterday)).isEqualTo(Map.of("rm_li", 1, "rm_wang", 1));
		// And every role still agrees with its rows on both days.
		for (String user : listers().toList()) {
			for (String date : List.of(yesterday, today.toString())) {
				List<Map<String, Object>> rows = rows(user, date);
				for (PortfolioDimension dimension : List.of(PortfolioDimension.PRIMARY_RM, PortfolioDimension.TEAM,
						PortfolioDimension.RATING, PortfolioDimension.FIVE_CATEGORY)) {
					assertThat(figuresByKey(portfolio(user, dimension, date))).as(user + " " + dimension + " " + date)
						.isEqualTo(expectedByKey(rows, dimension, date));
				}
			}
		}
	}

	@Test
	void theFilterIsTheListsFilterOnTheClientsAsTheyAreNow() {
		// tier: B is today's tier: C-LI-1 (A now) is out on a day it was B; C-LI-2 (B now) was not yet tiered then.
		Map<String, Object> portfolio = as(this.graphQlTester, "rm_li").document(PORTFOLIO)
			.variable("groupBy", "TIER")
			.variable("asOf", "2026-06-29")
			.variable("filter", Map.of("tier", "B"))
			.execute()
			.path("portfolio")
			.entity(Map.class)
			.get();
		assertThat(figuresByKey(portfolio).keySet()).containsExactly("null");
		assertThat(figures(portfolio.get("totals"))).containsEntry("clientCount", 1);
	}

	@Test
	void exactBeyondDoublePrecision() {
		this.mongoTemplate.remove(new Query(), RelationshipMetrics.class);
		List<RelationshipMetrics> months = new ArrayList<>();
		for (String clientId : List.of("C-LI-1", "C-LI-2", "C-WANG-2")) {
			months.add(month(clientId, YearMonth.of(2026, 10), "0.10", "999999999999999.99", "0.20"));
		}
		this.mongoTemplate.insertAll(months);
		Map<String, Object> totals = figures(portfolio("rm_li", PortfolioDimension.TEAM, "2026-10-31").get("totals"));
		assertThat(totals).containsEntry("averageDeposits", "0.30")
			.containsEntry("loanBalance", "2999999999999999.97")
			.containsEntry("feeIncome", "0.60")
			.containsEntry("clientsWithMetrics", 3);
		assertThat(0.1 + 0.1 + 0.1).isNotEqualTo(0.3);
		assertThat(new BigDecimal(999999999999999.99 * 3)).isNotEqualByComparingTo("2999999999999999.97");
	}

	@Test
	void oneAggregationPerRequestForASmallAndALargeBook() {
		List<MongoCommandCounter.Command> small = commandsPerDimension("mgr_he");
		this.mongoTemplate.remove(new Query(Criteria.where("_id").is("C-BULK-001")), Client.class);
		this.mongoTemplate.remove(new Query(Criteria.where("clientId").is("C-BULK-001")), FinancialStatement.class);
		new ClientBookFixture(this.mongoTemplate).addBulkClients("rm_xu", 150);
		List<Document> history = new ArrayList<>();
		for (int n = 1; n <= 150; n++) {
			history.add(tierEntry("T-BULK-" + n, "C-BULK-%03d".formatted(n), "C", "2026-04-01T09:00:00"));
		}
		this.mongoTemplate.getCollection("tier_history").insertMany(history);
		List<MongoCommandCounter.Command> large = commandsPerDimension("mgr_he");
		assertThat(large).isEqualTo(small);
		assertThat(small).containsOnly(new MongoCommandCounter.Command("aggregate", "clients"))
			.hasSize(PortfolioDimension.values().length);
		// The large book is counted in full (mgr_he sees the whole bank; C-XU-2 and C-WANG-2 did not exist then).
		assertThat(total("mgr_he", "2026-06-30")).isEqualTo(7 + 150);
		assertThat(counts("mgr_he", PortfolioDimension.TIER, "2026-04-01")).containsEntry("C", 150);
	}

	@Test
	void hostileDatesAreTypedErrorsThatReachNoData() {
		portfolio("mgr_he", PortfolioDimension.TIER, "2026-06-30");
		LocalDate today = LocalDate.now(BEIJING);
		for (String date : List.of("1999-12-31", "0001-01-01", "9999-12-31", today.plusDays(1).toString())) {
			this.commands.reset();
			execute("mgr_he", date).errors().satisfy(errors -> assertThat(errors).as(date).singleElement().satisfies(error -> {
				assertThat(error.getExtensions()).containsEntry("code", "INVALID_ARGUMENT").containsEntry("argument", "asOf");
				assertThat(error.getPath()).isEqualTo("portfolio");
			}));
			assertThat(this.commands.dataCommands()).as(date).isEmpty();
		}
		// Not dates at all: refused by the Date scalar before any resolver runs.
		for (String date : List.of("2026-02-30", "2026-6-30", "2026-06-30T00:00:00Z", "{\"$gt\": \"\"}", "$where", "",
				"2026-06-30\u0000")) {
			this.commands.reset();
			execute("mgr_he", date).errors().satisfy(errors -> assertThat(errors).as(date).isNotEmpty());
			assertThat(this.commands.dataCommands()).as(date).isEmpty();
		}
		as(this.graphQlTester, "mgr_he").document("{ portfolio(groupBy: TIER, asOf: { _gt: \"\" }) { groupBy } }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).isNotEmpty());
		// Admin and auditor list no clients: refused whatever the date.
		for (String user : List.of("admin", "auditor_qian")) {
			execute(user, "2026-06-30").errors().satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getExtensions()).containsEntry("classification", "FORBIDDEN")));
		}
	}

	@Test
	void withoutAsOfTheAnswerIsTheCurrentOneAndSaysSo() {
		Map<String, Object> now = as(this.graphQlTester, "rm_li").document(PORTFOLIO)
			.variable("groupBy", "TIER")
			.execute()
			.path("portfolio")
			.entity(Map.class)
			.get();
		assertThat(now.get("asOf")).isNull();
		assertThat(figures(now.get("totals"))).containsEntry("clientCount", 3);
	}

	// ---- helpers -----------------------------------------------------------------------------------------------

	private List<MongoCommandCounter.Command> commandsPerDimension(String user) {
		portfolio(user, PortfolioDimension.TIER, "2026-06-30");
		List<MongoCommandCounter.Command> all = new ArrayList<>();
		for (PortfolioDimension dimension : PortfolioDimension.values()) {
			this.commands.reset();
			portfolio(user, dimension, "2026-06-30");
			all.addAll(this.commands.commandsWithTarget());
		}
		return all;
	}

	private GraphQlTester.Response execute(String user, String date) {
		return as(this.graphQlTester, user).document(PORTFOLIO).variable("groupBy", "TIER").variable("asOf", date).execute();
	}

	private int total(String user, String date) {
		return (Integer) figures(portfolio(user, PortfolioDimension.TIER, date).get("totals")).get("clientCount");
	}

	/** Client counts by group key ("null" for the null key). */
	private Map<String, Integer> counts(String user, PortfolioDimension dimension, String date) {
		Map<String, Integer> counts = new HashMap<>();
		figuresByKey(portfolio(user, dimension, date))
			.forEach((key, figures) -> counts.put(key, (Integer) figures.get("clientCount")));
		return counts;
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> portfolio(String user, PortfolioDimension groupBy, String date) {
		return as(this.graphQlTester, user).document(PORTFOLIO)
			.variable("groupBy", groupBy.name())
			.variable("asOf", date)
			.execute()
			.path("portfolio")
			.entity(Map.class)
			.get();
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> rows(String user, String date) {
		GraphQlTester.Response response = as(this.graphQlTester, user).document(ROWS).variable("date", date).execute();
		List<Map<String, Object>> rows = (List<Map<String, Object>>) (List<?>) response.path("clients.edges[*].node")
			.entityList(Map.class)
			.get();
		response.path("clients.totalCount").entity(Integer.class).isEqualTo(rows.size());
		// Each row with the figures of that date, computed here from the store's statements and months.
		for (Map<String, Object> row : rows) {
			String id = (String) row.get("id");
			LocalDate day = LocalDate.parse(date);
			row.put("statement", this.mongoTemplate
				.find(new Query(Criteria.where("clientId").is(id)), FinancialStatement.class)
				.stream()
				.filter(statement -> statement.period().matches("\\d{4}") && !statement.periodEnd().isAfter(day))
				.max(Comparator.comparing(FinancialStatement::periodEnd))
				.orElse(null));
			row.put("month", this.mongoTemplate
				.find(new Query(Criteria.where("clientId").is(id)), RelationshipMetrics.class)
				.stream()
				.filter(month -> !YearMonth.parse(month.month()).atEndOfMonth().isAfter(day))
				.max(Comparator.comparing(RelationshipMetrics::month))
				.orElse(null));
		}
		return rows;
	}

	/** The rows that existed on the date: onboarded on or before it. */
	private static List<Map<String, Object>> existing(List<Map<String, Object>> rows, String date) {
		return rows.stream()
			.filter(row -> row.get("onboardedOn") != null
					&& !LocalDate.parse((String) row.get("onboardedOn")).isAfter(LocalDate.parse(date)))
			.toList();
	}

	private static Map<String, Map<String, Object>> expectedByKey(List<Map<String, Object>> rows,
			PortfolioDimension dimension, String date) {
		return ExpectedPortfolio.expectedByKey(existing(rows, date), row -> keyOf(row, dimension),
				PortfolioAsOfTests::sums);
	}

	private static Map<String, Object> expected(List<Map<String, Object>> rows, String date) {
		return sums(existing(rows, date));
	}

	@SuppressWarnings("unchecked")
	private static Object keyOf(Map<String, Object> row, PortfolioDimension dimension) {
		Map<String, Object> then = (Map<String, Object>) row.get("asOf");
		return switch (dimension) {
			case TIER -> then.get("tier");
			case RATING -> then.get("rating");
			case FIVE_CATEGORY -> then.get("fiveCategory");
			case PRIMARY_RM -> then.get("primaryManager");
			case TEAM -> Optional.ofNullable((String) then.get("primaryManager")).map(TEAMS::get).orElse(null);
			case INDUSTRY_SECTION -> ((Map<String, Object>) row.get("industry")).get("section");
			case REGION -> row.get("region");
			case SIZE -> row.get("size");
		};
	}

	/** Counts and sums of these rows' figures of the date, in BigDecimal. */
	private static Map<String, Object> sums(List<Map<String, Object>> rows) {
		ExpectedPortfolio.Totals totals = new ExpectedPortfolio.Totals();
		for (Map<String, Object> row : rows) {
			if (row.get("statement") instanceof FinancialStatement statement && statement.currency().equals("CNY")) {
				totals.addRevenue(statement.revenue());
			}
			if (row.get("month") instanceof RelationshipMetrics month) {
				totals.addMonth(month.month(), month.averageDeposits(), month.loanBalance(), month.feeIncome());
			}
		}
		return totals.figures(rows.size());
	}

	private static Document tierEntry(String id, String clientId, String tier, String beijingTime) {
		return new Document("_id", id).append("clientId", clientId)
			.append("tier", tier)
			.append("modelTier", tier)
			.append("evaluatedAt", java.util.Date.from(beijing(beijingTime)))
			.append("asOf", java.util.Date.from(beijing(beijingTime)));
	}

	private static Instant beijing(String localTime) {
		return LocalDateTime.parse(localTime).atZone(BEIJING).toInstant();
	}

	private static FinancialStatement statement(String clientId, String period, LocalDate periodEnd, String currency,
			String revenue) {
		return new FinancialStatement(FinancialStatement.idOf(clientId, period), clientId, period, periodEnd, currency,
				new BigDecimal(revenue), BigDecimal.ONE, BigDecimal.TEN, BigDecimal.ONE, null, null, BigDecimal.ONE,
				null, 50);
	}

	private static RelationshipMetrics month(String clientId, YearMonth month, String deposits, String loans,
			String fees) {
		Instant start = month.atDay(1).atStartOfDay(BEIJING).toInstant();
		return new RelationshipMetrics(RelationshipMetrics.idOf(clientId, month.toString()), clientId, month.toString(),
				start, new BigDecimal(deposits), new BigDecimal(loans), BigDecimal.ONE, 1, new BigDecimal(fees), null,
				null, null, start, "fixture", null);
	}

}
