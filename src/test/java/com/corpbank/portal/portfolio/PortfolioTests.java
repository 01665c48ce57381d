package com.corpbank.portal.portfolio;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.corpbank.portal.financials.ClientSizing;
import com.corpbank.portal.financials.FinancialStatement;
import com.corpbank.portal.metrics.RelationshipMetrics;
import com.corpbank.portal.support.ClientBookFixture;
import com.corpbank.portal.support.MongoCommandCounter;
import com.corpbank.portal.support.PortalTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static com.corpbank.portal.support.Testers.as;
import static com.corpbank.portal.portfolio.ExpectedPortfolio.figures;
import static com.corpbank.portal.portfolio.ExpectedPortfolio.figuresByKey;
import static com.corpbank.portal.portfolio.ExpectedPortfolio.normalised;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code Query.portfolio}: for every role and every dimension the groups and totals equal the counts and sums of the
 * rows the same caller lists through {@code clients} (the expected values are computed here from those rows); sums
 * are exact; one aggregation per request; the filter is the list's, refused the same way.
 */
@PortalTest
class PortfolioTests {

	static final String ROWS = """
			query($filter: ClientFilter) {
			  clients(first: 100, filter: $filter) {
			    totalCount
			    edges { node {
			      id valueTier { tier } industry { section } region size risk { rating fiveCategory }
			      primaryManager { username team { code } }
			      latestFinancials { period currency revenue }
			      latestRelationshipMetrics { month averageDeposits loanBalance feeIncome }
			    } }
			  }
			}""";

	static final String FIGURES = "clientCount revenue clientsWithRevenue averageDeposits loanBalance feeIncome "
			+ "clientsWithMetrics oldestMetricsMonth newestMetricsMonth";

	static final String PORTFOLIO = """
			query($filter: ClientFilter, $groupBy: PortfolioDimension!) {
			  portfolio(filter: $filter, groupBy: $groupBy) {
			    groupBy computedAt
			    groups { key figures { %s } }
			    totals { %s }
			  }
			}""".formatted(FIGURES, FIGURES);

	/** Every demo user who may list clients; admin and auditor_qian are refused. */
	static Stream<String> listers() {
		return Stream.of("rm_li", "rm_zhang", "rm_wang", "rm_xu", "rm_zhao", "rm_liu", "lead_sun", "mgr_chen", "mgr_he",
				"risk_zhou", "analyst_wu");
	}

	@Autowired
	HttpGraphQlTester graphQlTester;

	@Autowired
	MongoTemplate mongoTemplate;

	@Autowired
	ClientFigureCopies copies;

	@Autowired
	MongoCommandCounter commands;

	@Autowired
	ClientSizing sizing;

	@BeforeEach
	void loadBook() {
		ClientBookFixture fixture = new ClientBookFixture(this.mongoTemplate);
		fixture.loadWithRelationshipData();
		// rm_liu's one client (as the role matrix has it): a client of another team
		fixture.addBulkClients("rm_liu", 1);
		// Variety the sums must follow: a newer annual statement per client with its own revenue (one in USD, which
		// the revenue sum leaves out), a newer month with odd fen for some, no figures at all for one client.
		List<FinancialStatement> statements = new ArrayList<>();
		List<RelationshipMetrics> months = new ArrayList<>();
		int i = 0;
		for (String clientId : this.mongoTemplate.findDistinct("_id", com.corpbank.portal.client.Client.class,
				String.class)) {
			i++;
			String currency = clientId.equals("C-ZHAO-2") ? "USD" : "CNY";
			statements.add(new FinancialStatement(clientId + "-2026", clientId, "2026", LocalDate.of(2026, 12, 31),
					currency, new BigDecimal("1234567.%02d".formatted(i * 7 % 100)).add(BigDecimal.valueOf(i * 1000L)),
					BigDecimal.ONE, BigDecimal.TEN, BigDecimal.ONE, null, null, BigDecimal.ONE, null, 50));
			if (i % 3 == 0) {
				months.add(month(clientId, YearMonth.of(2026, 11), "%d.%02d".formatted(i, i * 13 % 100),
						"0.%02d".formatted(i), "99999.%02d".formatted(i)));
			}
		}
		this.mongoTemplate.insertAll(statements);
		this.mongoTemplate.insertAll(months);
		this.mongoTemplate.remove(new Query(Criteria.where("clientId").is("C-XU-2")), RelationshipMetrics.class);
		this.mongoTemplate.remove(new Query(Criteria.where("clientId").is("C-XU-2")), FinancialStatement.class);
		// The fixture writes the sources only: derive the copies as the start-up backfill does.
		assertThat(this.copies.refreshMissing()).isEqualTo(10);
	}

	@ParameterizedTest
	@MethodSource("listers")
	void everyGroupingEqualsTheRowsTheSameCallerLists(String user) {
		List<Map<String, Object>> rows = rows(user, null);
		assertThat(rows).as(user).isNotEmpty();
		for (PortfolioDimension dimension : PortfolioDimension.values()) {
			Map<String, Object> portfolio = portfolio(user, null, dimension);
			assertThat(portfolio.get("groupBy")).isEqualTo(dimension.name());
			assertThat(figuresByKey(portfolio)).as(user + " by " + dimension).isEqualTo(expectedByKey(rows, dimension));
			assertThat(normalised(figures(portfolio.get("totals")))).as(user + " totals by " + dimension)
				.isEqualTo(expected(rows));
		}
	}

	@Test
	void theFilterIsTheListsFilter() {
		for (Map<String, Object> filter : List.of(Map.<String, Object>of("tier", "A"), Map.<String, Object>of("region",
				"NORTH_CHINA"), Map.<String, Object>of("managerUsername", "rm_xu", "nameContains", "上海"))) {
			for (String user : List.of("mgr_he", "mgr_chen", "rm_xu")) {
				List<Map<String, Object>> rows = rows(user, filter);
				for (PortfolioDimension dimension : List.of(PortfolioDimension.TEAM, PortfolioDimension.RATING)) {
					Map<String, Object> portfolio = portfolio(user, filter, dimension);
					assertThat(figuresByKey(portfolio)).as(user + " " + filter).isEqualTo(expectedByKey(rows, dimension));
				}
			}
		}
	}

	@Test
	void adminAndAuditorAreRefused() {
		for (String user : List.of("admin", "auditor_qian")) {
			as(this.graphQlTester, user).document(PORTFOLIO)
				.variable("groupBy", "TIER")
				.execute()
				.errors()
				.satisfy(errors -> assertThat(errors).as(user).singleElement().satisfies(error -> {
					assertThat(error.getExtensions()).containsEntry("classification", "FORBIDDEN");
					assertThat(error.getPath()).isEqualTo("portfolio");
				}));
		}
	}

	@Test
	void tenthsAddUpExactly() {
		this.mongoTemplate.remove(new Query(), RelationshipMetrics.class);
		this.mongoTemplate.insertAll(List.of(month("C-LI-1", YearMonth.of(2026, 10), "0.10", "0.10", "0.10"),
				month("C-LI-2", YearMonth.of(2026, 10), "0.20", "0.20", "0.20")));
		this.copies.refresh(List.of("C-LI-1", "C-LI-2", "C-WANG-2"));
		Map<String, Object> totals = figures(portfolio("rm_li", null, PortfolioDimension.TIER).get("totals"));
		// As doubles, 0.1 + 0.2 is 0.30000000000000004.
		assertThat(0.1 + 0.2).isNotEqualTo(0.3);
		assertThat(totals).containsEntry("averageDeposits", "0.30")
			.containsEntry("loanBalance", "0.30")
			.containsEntry("feeIncome", "0.30")
			.containsEntry("clientsWithMetrics", 2)
			.containsEntry("clientCount", 3);
	}

	@Test
	void largeSumsStayExactBeyondDoublePrecision() {
		new ClientBookFixture(this.mongoTemplate).load();
		new ClientBookFixture(this.mongoTemplate).addBulkClients("rm_liu", 12);
		List<RelationshipMetrics> months = new ArrayList<>();
		for (int n = 1; n <= 12; n++) {
			months.add(month("C-BULK-%03d".formatted(n), YearMonth.of(2026, 10), "123456789012.34",
					"999999999999999.99", "1000000000000000.00"));
		}
		this.mongoTemplate.insertAll(months);
		this.copies.refreshMissing();
		Map<String, Object> totals = figures(portfolio("rm_liu", null, PortfolioDimension.PRIMARY_RM).get("totals"));
		assertThat(totals).containsEntry("clientCount", 12)
			.containsEntry("averageDeposits", "1481481468148.08")
			.containsEntry("loanBalance", "11999999999999999.88")
			.containsEntry("feeIncome", "12000000000000000.00");
		// The same sums as doubles lose the fen: what an exact sum must not do.
		double asDoubles = 0;
		for (int n = 1; n <= 12; n++) {
			asDoubles += 999999999999999.99;
		}
		assertThat(new BigDecimal(asDoubles)).isNotEqualByComparingTo("11999999999999999.88");
		// And the whole bank, by team: the same exact figures under rm_liu's team.
		assertThat(figuresByKey(portfolio("mgr_he", null, PortfolioDimension.TEAM)).values())
			.anySatisfy(figures -> assertThat(figures).containsEntry("loanBalance", "11999999999999999.88"));
	}

	@Test
	void oneAggregationPerRequestWhateverTheDimension() {
		for (String user : List.of("rm_li", "lead_sun", "mgr_he", "risk_zhou")) {
			// Warm up: the caller's scope lookup is cached for a while.
			portfolio(user, null, PortfolioDimension.TIER);
			for (PortfolioDimension dimension : PortfolioDimension.values()) {
				this.commands.reset();
				portfolio(user, Map.of("nameContains", "上海"), dimension);
				assertThat(this.commands.commandsWithTarget()).as(user + " " + dimension)
					.containsExactly(new MongoCommandCounter.Command("aggregate", "clients"));
			}
		}
	}

	@Test
	void aliasesAnswerEachGroupingWithOneAggregationEach() {
		portfolio("lead_sun", null, PortfolioDimension.TIER);
		this.commands.reset();
		GraphQlTester.Response response = as(this.graphQlTester, "lead_sun").document("""
				{
				  byTier: portfolio(groupBy: TIER) { totals { clientCount loanBalance } groups { key } }
				  byTeam: portfolio(groupBy: TEAM) { totals { clientCount loanBalance } groups { key } }
				  tierA: portfolio(groupBy: TIER, filter: { tier: A }) { totals { clientCount } groups { key } }
				}""").execute();
		assertThat(this.commands.dataCommands()).containsExactly("aggregate", "aggregate", "aggregate");
		Map<String, Object> byTier = response.path("byTier.totals").entity(Map.class).get();
		Map<String, Object> byTeam = response.path("byTeam.totals").entity(Map.class).get();
		assertThat(byTier).isEqualTo(byTeam);
		assertThat(byTier.get("clientCount")).isEqualTo(rows("lead_sun", null).size());
		response.path("tierA.groups[*].key").entityList(String.class).containsExactly("A");
	}

	@Test
	void hostileFiltersAreRefusedWithTypedErrors() {
		for (Map<String, Object> filter : List.of(Map.<String, Object>of("industrySection", "{\"$ne\": null}"),
				Map.<String, Object>of("managerUsername", "rm_li\" || \"1\"==\"1"),
				Map.<String, Object>of("managerUsername", "$where"),
				Map.<String, Object>of("nameContains", "上海\u0000"),
				Map.<String, Object>of("followUpManager", "{\"$gt\": \"\"}"))) {
			this.commands.reset();
			as(this.graphQlTester, "mgr_he").document(PORTFOLIO)
				.variable("filter", filter)
				.variable("groupBy", "TIER")
				.execute()
				.errors()
				.satisfy(errors -> assertThat(errors).as(filter.toString())
					.singleElement()
					// a typed INVALID_ARGUMENT, or the schema's own refusal (an enum) with code INVALID_ARGUMENT
					.satisfies(error -> assertThat(Arrays.asList(error.getExtensions().get("classification"),
							error.getExtensions().get("code"))).contains("INVALID_ARGUMENT")));
			assertThat(this.commands.dataCommands()).as(filter.toString()).isEmpty();
		}
		// An operator object where an enum or a string belongs is not even valid GraphQL.
		as(this.graphQlTester, "mgr_he")
			.document("{ portfolio(groupBy: TIER, filter: { tier: { _ne: null } }) { totals { clientCount } } }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).isNotEmpty());
		as(this.graphQlTester, "mgr_he").document("{ portfolio(groupBy: \"$where\") { totals { clientCount } } }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).isNotEmpty());
		// Regex characters are literal text: ".*" names no client, so nothing is counted.
		Map<String, Object> dotStar = portfolio("mgr_he", Map.of("nameContains", ".*"), PortfolioDimension.TIER);
		assertThat(figures(dotStar.get("totals"))).containsEntry("clientCount", 0).containsEntry("revenue", "0.00");
		assertThat((List<?>) dotStar.get("groups")).isEmpty();
	}

	@Test
	void recordingFiguresMovesTheAggregatesToTheNewestOnFile() {
		Map<String, Object> before = figuresByKey(portfolio("rm_zhang", null, PortfolioDimension.PRIMARY_RM))
			.get("rm_zhang");
		// A newer month through the mutation: the copy follows it.
		record("rm_zhang", """
				mutation { recordRelationshipMetrics(input: { clientId: "C-ZHANG-1", month: "2026-12",
				  averageDeposits: "10.01", loanBalance: "20.02", settlementVolume: "1", productsHeld: 1,
				  feeIncome: "30.03" }) { errors { code } } }""", "recordRelationshipMetrics");
		Map<String, Object> afterNewer = figuresByKey(portfolio("rm_zhang", null, PortfolioDimension.PRIMARY_RM))
			.get("rm_zhang");
		assertThat(afterNewer).containsEntry("averageDeposits", "10.01")
			.containsEntry("loanBalance", "20.02")
			.containsEntry("feeIncome", "30.03")
			.containsEntry("newestMetricsMonth", "2026-12");
		// An older month recorded later changes nothing: the copy is the newest month on file, not the last written.
		record("rm_zhang", """
				mutation { recordRelationshipMetrics(input: { clientId: "C-ZHANG-1", month: "2023-01",
				  averageDeposits: "1", loanBalance: "1", settlementVolume: "1", productsHeld: 1,
				  feeIncome: "1" }) { errors { code } } }""", "recordRelationshipMetrics");
		assertThat(figuresByKey(portfolio("rm_zhang", null, PortfolioDimension.PRIMARY_RM)).get("rm_zhang"))
			.isEqualTo(afterNewer);
		assertThat(before).isNotEqualTo(afterNewer);

		// Statements through the mutation on a client with none on file: an annual one sets the revenue, a later
		// quarter does not count, a later annual one in another currency drops the client out of the revenue sum, and
		// an older annual one recorded after it changes nothing.
		this.mongoTemplate.remove(new Query(Criteria.where("clientId").is("C-ZHANG-1")), FinancialStatement.class);
		this.copies.refresh("C-ZHANG-1");
		assertThat(figuresByKey(portfolio("rm_zhang", null, PortfolioDimension.PRIMARY_RM)).get("rm_zhang"))
			.containsEntry("revenue", "0.00")
			.containsEntry("clientsWithRevenue", 0);
		String statement = """
				mutation { recordFinancialStatement(input: { clientId: "C-ZHANG-1", period: "%s", periodEnd: "%s", currency: "%s",
				  revenue: "%s", netProfit: "1", totalAssets: "100", totalLiabilities: "10", operatingCashFlow: "1",
				  employees: 30 }) { errors { code } } }""";
		record("rm_zhang", statement.formatted("2024", "2024-12-31", "CNY", "777.77"), "recordFinancialStatement");
		assertThat(figuresByKey(portfolio("rm_zhang", null, PortfolioDimension.PRIMARY_RM)).get("rm_zhang"))
			.containsEntry("revenue", "777.77")
			.containsEntry("clientsWithRevenue", 1);
		record("rm_zhang", statement.formatted("2025Q1", "2025-03-31", "CNY", "5.00"), "recordFinancialStatement");
		assertThat(figuresByKey(portfolio("rm_zhang", null, PortfolioDimension.PRIMARY_RM)).get("rm_zhang"))
			.containsEntry("revenue", "777.77");
		record("rm_zhang", statement.formatted("2025", "2025-12-31", "USD", "9.00"), "recordFinancialStatement");
		Map<String, Object> inUsd = figuresByKey(portfolio("rm_zhang", null, PortfolioDimension.PRIMARY_RM))
			.get("rm_zhang");
		assertThat(inUsd).containsEntry("revenue", "0.00")
			.containsEntry("clientsWithRevenue", 0)
			.containsEntry("clientCount", 1);
		record("rm_zhang", statement.formatted("2023", "2023-12-31", "CNY", "1.00"), "recordFinancialStatement");
		assertThat(figuresByKey(portfolio("rm_zhang", null, PortfolioDimension.PRIMARY_RM)).get("rm_zhang"))
			.isEqualTo(inUsd);
	}

	@Test
	void theSizeSweepRepairsARevenueCopyLeftBehindByACrash() {
		// As if the process died right after the statement write: the statement carries its sizeApplied marker and
		// neither the client's size nor its revenue copy were written.
		this.mongoTemplate.insert(new FinancialStatement("C-LI-1-2027", "C-LI-1", "2027", LocalDate.of(2027, 12, 31),
				"CNY", new BigDecimal("42.42"), BigDecimal.ONE, BigDecimal.TEN, BigDecimal.ONE, null, null,
				BigDecimal.ONE, null, 50, Boolean.FALSE, 0L));
		assertThat(figuresByKey(portfolio("rm_li", Map.of("nameContains", "东方精密"), PortfolioDimension.PRIMARY_RM))
			.get("rm_li")).doesNotContainEntry("revenue", "42.42");
		assertThat(this.sizing.sweep()).isEqualTo(1);
		assertThat(figuresByKey(portfolio("rm_li", Map.of("nameContains", "东方精密"), PortfolioDimension.PRIMARY_RM))
			.get("rm_li")).containsEntry("revenue", "42.42").containsEntry("clientCount", 1);
	}

	// ---- helpers -----------------------------------------------------------------------------------------------

	private void record(String user, String mutation, String field) {
		as(this.graphQlTester, user).document(mutation)
			.execute()
			.path(field + ".errors")
			.entityList(Object.class)
			.hasSize(0);
	}

	private static RelationshipMetrics month(String clientId, YearMonth month, String deposits, String loans,
			String fees) {
		Instant start = month.atDay(1).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant();
		return new RelationshipMetrics(RelationshipMetrics.idOf(clientId, month.toString()), clientId, month.toString(),
				start, new BigDecimal(deposits), new BigDecimal(loans), BigDecimal.ONE, 1, new BigDecimal(fees), null,
				null, null, start, "fixture", null);
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> rows(String user, Map<String, Object> filter) {
		GraphQlTester.Response response = as(this.graphQlTester, user).document(ROWS)
			.variable("filter", filter)
			.execute();
		List<Map<String, Object>> rows = (List<Map<String, Object>>) (List<?>) response.path("clients.edges[*].node")
			.entityList(Map.class)
			.get();
		// The fixture's book fits one page: every row the caller may list is here.
		response.path("clients.totalCount").entity(Integer.class).isEqualTo(rows.size());
		return rows;
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> portfolio(String user, Map<String, Object> filter, PortfolioDimension groupBy) {
		return as(this.graphQlTester, user).document(PORTFOLIO)
			.variable("filter", filter)
			.variable("groupBy", groupBy.name())
			.execute()
			.path("portfolio")
			.entity(Map.class)
			.get();
	}

	private static Map<String, Map<String, Object>> expectedByKey(List<Map<String, Object>> rows,
			PortfolioDimension dimension) {
		return ExpectedPortfolio.expectedByKey(rows, row -> keyOf(row, dimension), PortfolioTests::expected);
	}

	@SuppressWarnings("unchecked")
	private static Object keyOf(Map<String, Object> row, PortfolioDimension dimension) {
		return switch (dimension) {
			case TIER -> nested(row, "valueTier", "tier");
			case INDUSTRY_SECTION -> nested(row, "industry", "section");
			case REGION -> row.get("region");
			case SIZE -> row.get("size");
			case RATING -> nested(row, "risk", "rating");
			case FIVE_CATEGORY -> nested(row, "risk", "fiveCategory");
			case PRIMARY_RM -> nested(row, "primaryManager", "username");
			case TEAM -> nested((Map<String, Object>) row.get("primaryManager"), "team", "code");
		};
	}

	@SuppressWarnings("unchecked")
	private static Object nested(Map<String, Object> row, String field, String inner) {
		Map<String, Object> value = (Map<String, Object>) row.get(field);
		return (value != null) ? value.get(inner) : null;
	}

	/** Counts and sums of these rows, from the fields the list shows, in BigDecimal. */
	@SuppressWarnings("unchecked")
	private static Map<String, Object> expected(List<Map<String, Object>> rows) {
		ExpectedPortfolio.Totals totals = new ExpectedPortfolio.Totals();
		for (Map<String, Object> row : rows) {
			Map<String, Object> statement = (Map<String, Object>) row.get("latestFinancials");
			// The fixture's statements are all annual: the latest is the latest annual one.
			if (statement != null && "CNY".equals(statement.get("currency"))) {
				assertThat((String) statement.get("period")).matches("\\d{4}");
				totals.addRevenue(new BigDecimal((String) statement.get("revenue")));
			}
			Map<String, Object> month = (Map<String, Object>) row.get("latestRelationshipMetrics");
			if (month != null) {
				totals.addMonth((String) month.get("month"), new BigDecimal((String) month.get("averageDeposits")),
						new BigDecimal((String) month.get("loanBalance")), new BigDecimal((String) month.get("feeIncome")));
			}
		}
		return totals.figures(rows.size());
	}

}
