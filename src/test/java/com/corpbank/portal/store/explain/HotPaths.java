package com.corpbank.portal.store.explain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The service's hot request paths, as several roles: what issue 9 asks to prove free of collection scans (the
 * portfolio page with every nested field in every order, client detail, the portfolio aggregates, the worklists, the
 * tier migration, the data quality report, a client's interactions and complaints). {@code RealMongoExplainTests}
 * sends them to a real MongoDB and explains every read they cause; {@code HotPathsCaptureTests} runs them on the
 * embedded store, so that the documents stay valid against the schema where Docker is absent.
 */
final class HotPaths {

	/** One GraphQL request: who sends it, the document and its variables. */
	record Request(String name, String user, String document, Map<String, Object> variables) {
	}

	/**
	 * Every field a portfolio page can show for its rows, in three requests of 50 rows (one request with all of them
	 * costs more than {@code portal.graphql.max-complexity} allows): the row itself, its histories, its relationship
	 * work.
	 */
	static final String PAGE = """
			query page($first: Int, $orderBy: ClientOrder, $filter: ClientFilter) {
			  clients(first: $first, orderBy: $orderBy, filter: $filter) {
			    totalCount
			    pageInfo { hasNextPage endCursor }
			    edges { cursor node {
			      id name uscc adminDivision region size registeredAddress foundedOn onboardedOn employees lifecycleStage
			      version
			      industry { section sectionName code name }
			      legalRepresentative { name idNumber }
			      valueTier { tier score modelVersion evaluatedOn }
			      risk { rating fiveCategory ratedOn }
			      primaryManager { username displayName team { code name type } }
			      coManagers { username displayName team { code name } }
			      latestFinancials { period periodEnd currency revenue netProfit totalAssets totalLiabilities debtRatio }
			      sizeBasis { rule }
			      nextFollowUp { dueOn rmUsername overdue }
			      latestRelationshipMetrics { month averageDeposits loanBalance feeIncome }
			    } }
			  }
			}
			""";

	static final String PAGE_HISTORIES = """
			query pageHistories($first: Int, $orderBy: ClientOrder) {
			  clients(first: $first, orderBy: $orderBy) {
			    edges { node {
			      id
			      relationshipMetrics(first: 2) { edges { node { month } } }
			      taxRecords(first: 3) { year }
			      tierHistory(first: 2) { edges { node { tier asOf } } }
			      riskHistory(first: 2) { edges { node { changedAt } } }
			      assignmentHistory(first: 2) { edges { node { from } } }
			      asOf(date: "2026-03-31") { tier rating primaryManager }
			    } }
			  }
			}
			""";

	static final String PAGE_WORK = """
			query pageWork($first: Int, $orderBy: ClientOrder) {
			  clients(first: $first, orderBy: $orderBy) {
			    edges { node {
			      id
			      contacts { id mobile }
			      tierOverrides { id status }
			      churnAlerts { id status }
			      complaints { id status }
			      surveyResults(first: 2) { id score }
			      interactions(first: 2) { edges { node { id occurredAt } } }
			    } }
			  }
			}
			""";

	static final String DETAIL = """
			query detail($id: ID!) {
			  client(id: $id) {
			    id name uscc lifecycleStage
			    valueTier { tier score evaluatedOn }
			    risk { rating fiveCategory ratedOn }
			    primaryManager { username team { code } }
			    contacts { id name }
			    latestFinancials { period revenue debtRatio }
			    latestRelationshipMetrics { month averageDeposits }
			    nextFollowUp { dueOn }
			    tierHistory(first: 10) { edges { node { id tier asOf factors { key } inputsAsOf { metricsMonth } } } }
			    riskHistory(first: 10) { edges { node { id changedAt } } }
			    assignmentHistory(first: 10) { edges { node { id from } } }
			    interactions(first: 20) { totalCount edges { node { id occurredAt summary } } }
			    complaints { id status }
			    asOf(date: "2025-12-31") { tier rating primaryManager }
			  }
			}
			""";

	static final String PORTFOLIO = """
			query portfolio($groupBy: PortfolioDimension!) {
			  portfolio(groupBy: $groupBy) {
			    groups { key figures { clientCount revenue averageDeposits loanBalance feeIncome clientsWithMetrics } }
			    totals { clientCount revenue oldestMetricsMonth newestMetricsMonth }
			  }
			}
			""";

	static final String MY_WORKLIST = """
			{ myWorklist(first: 50) { edges { node { id kind clientId rmUsername dueAt overdue title client { name } } }
			    pageInfo { hasNextPage endCursor } } }
			""";

	static final String TEAM_WORKLIST = """
			{ teamWorklist(first: 50) { edges { node { id kind clientId rmUsername dueAt overdue title client { name } } }
			    pageInfo { hasNextPage endCursor } } }
			""";

	static final String MIGRATION = """
			{ tierMigration(from: "2025-12-31", to: "2026-06-30") { total cells { fromTier toTier count } }
			  tierMigrationClients(from: "2025-12-31", to: "2026-06-30", fromTier: B, toTier: A, first: 20) {
			    totalCount edges { node { id name valueTier { tier } } } } }
			""";

	static final String QUALITY = """
			{ dataQualityReport { asOf requiredFiscalYear total { clients missingStatements staleStatements
			    failedUsccCheck missingContacts unrated } teams { teamCode } }
			  dataQualityClients(problem: UNRATED, first: 20) { totalCount edges { node { id } } } }
			""";

	static final String INTERACTIONS = """
			{ interactions(first: 50) { edges { node { id clientId occurredAt channel summary } } } }
			""";

	/** Users of every role that reads client data, from one RM's book to the whole bank. */
	static final List<String> READERS = List.of("rm_li", "lead_sun", "mgr_chen", "risk_zhou", "analyst_wu");

	private HotPaths() {
	}

	/** The tester with a minute per response: a page with every nested field over a few thousand clients takes time. */
	static HttpGraphQlTester patient(HttpGraphQlTester tester) {
		return tester.mutate().webTestClient(client -> client.responseTimeout(Duration.ofMinutes(1))).build();
	}

	/** @param clientId a client every reader sees (for rm_li: one of rm_li's) */
	static List<Request> requests(String clientId) {
		return requests(clientId, READERS);
	}

	/** The requests as some of the {@link #READERS} only (the worklists as their own roles, always). */
	static List<Request> requests(String clientId, List<String> readers) {
		List<Request> requests = new ArrayList<>();
		for (String user : readers) {
			for (String field : List.of("NAME", "TIER_SCORE")) {
				for (String direction : List.of("ASC", "DESC")) {
					Map<String, Object> variables = Map.of("first", 50, "orderBy",
							Map.of("field", field, "direction", direction));
					requests.add(new Request("page " + field + " " + direction, user, PAGE, variables));
					requests.add(new Request("page histories " + field + " " + direction, user, PAGE_HISTORIES,
							variables));
					requests.add(new Request("page work " + field + " " + direction, user, PAGE_WORK, variables));
				}
			}
			requests.add(new Request("page filtered by tier", user, PAGE,
					Map.of("first", 50, "filter", Map.of("tier", "A"))));
			requests.add(new Request("page filtered by RM", user, PAGE,
					Map.of("first", 50, "filter", Map.of("managerUsername", "rm_li"))));
			requests.add(new Request("page filtered by name", user, PAGE,
					Map.of("first", 50, "filter", Map.of("nameContains", "科技"))));
			requests.add(new Request("detail", user, DETAIL, Map.of("id", clientId)));
			for (String dimension : List.of("TIER", "INDUSTRY_SECTION", "REGION", "SIZE", "RATING", "FIVE_CATEGORY",
					"PRIMARY_RM", "TEAM")) {
				requests.add(new Request("portfolio " + dimension, user, PORTFOLIO, Map.of("groupBy", dimension)));
			}
			requests.add(new Request("tier migration", user, MIGRATION, Map.of()));
			requests.add(new Request("data quality", user, QUALITY, Map.of()));
			requests.add(new Request("interactions", user, INTERACTIONS, Map.of()));
		}
		requests.add(new Request("my worklist", "rm_li", MY_WORKLIST, Map.of()));
		requests.add(new Request("my worklist", "rm_zhao", MY_WORKLIST, Map.of()));
		requests.add(new Request("team worklist", "lead_sun", TEAM_WORKLIST, Map.of()));
		requests.add(new Request("team worklist", "mgr_chen", TEAM_WORKLIST, Map.of()));
		requests.add(new Request("team worklist", "mgr_he", TEAM_WORKLIST, Map.of()));
		return requests;
	}

}
