package com.corpbank.portal.migration;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.corpbank.portal.access.CallerScopes;
import com.corpbank.portal.seed.DemoDirectory;
import com.corpbank.portal.support.ClientBookFixture;
import com.corpbank.portal.support.MongoCommandCounter;
import com.corpbank.portal.support.PortalTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static com.corpbank.portal.support.Testers.as;
import static com.corpbank.portal.support.Testers.visibleClientIds;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code tierMigration} and {@code tierMigrationClients} over the hand-built history of {@link MigrationHistory}:
 * boundaries, scope per demo user (never a client the caller cannot list; the drill-down lists exactly the cell's
 * count), the scope as it is now after a handover, typed errors for hostile dates and commands per page.
 */
@PortalTest
class TierMigrationTests {

	private static final String MATRIX = """
			query($from: Date!, $to: Date!, $filter: ClientFilter) {
			  tierMigration(from: $from, to: $to, filter: $filter) { from to total cells { fromTier toTier count } }
			}""";

	private static final String CELL = """
			query($from: Date!, $to: Date!, $f: MigrationTier!, $t: MigrationTier!, $first: Int, $after: String) {
			  tierMigrationClients(from: $from, to: $to, fromTier: $f, toTier: $t, first: $first, after: $after) {
			    totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor }
			  }
			}""";

	@Autowired
	HttpGraphQlTester graphQlTester;

	@Autowired
	MongoTemplate mongoTemplate;

	@Autowired
	MongoCommandCounter commands;

	@Autowired
	CallerScopes callerScopes;

	@BeforeEach
	void loadBookAndHistory() {
		new ClientBookFixture(this.mongoTemplate).load();
		MigrationHistory.load(this.mongoTemplate);
	}

	@Test
	void riskOfficerSeesEveryClientInTheCellItsHistoryGives() {
		Map<String, Integer> cells = cells(matrix("risk_zhou", MigrationHistory.FROM, MigrationHistory.TO, null));
		assertThat(cells).hasSize(16);
		assertThat(nonZero(cells)).isEqualTo(expectedCounts(ClientBookFixture.ALL));
		assertThat(nonZero(cells)).containsEntry("B>A", 1)
			.containsEntry("NONE>B", 2)
			.containsEntry("NONE>NONE", 2)
			.containsEntry("C>C", 2)
			.containsEntry("A>A", 1)
			.containsEntry("B>B", 1);
		matrix("risk_zhou", MigrationHistory.FROM, MigrationHistory.TO, null).path("tierMigration.total")
			.entity(Integer.class).isEqualTo(9);
	}

	@Test
	void everyDemoUserCountsExactlyTheClientsTheyCanListAndEachCellListsItsCount() {
		for (DemoDirectory.Person person : DemoDirectory.get().people()) {
			String user = person.username();
			List<String> visible = visibleClientIds(this.graphQlTester, user);
			GraphQlTester.Response response = matrix(user, MigrationHistory.FROM, MigrationHistory.TO, null);
			response.path("tierMigration.total").entity(Integer.class).isEqualTo(visible.size());
			Map<String, Integer> cells = cells(response);
			assertThat(nonZero(cells)).as(user).isEqualTo(expectedCounts(visible));
			for (Map.Entry<String, Integer> cell : cells.entrySet()) {
				String[] tiers = cell.getKey().split(">");
				List<String> expected = MigrationHistory.CELLS.entrySet().stream()
					.filter(entry -> entry.getValue().equals(cell.getKey()) && visible.contains(entry.getKey()))
					.map(Map.Entry::getKey)
					.sorted()
					.toList();
				GraphQlTester.Response page = cell(user, tiers[0], tiers[1], 100, null);
				List<String> listed = page.path("tierMigrationClients.edges[*].node.id").entityList(String.class).get();
				assertThat(listed).as(user + " " + cell.getKey()).hasSize(cell.getValue())
					.containsExactlyInAnyOrderElementsOf(expected);
				page.path("tierMigrationClients.totalCount").entity(Integer.class).isEqualTo(cell.getValue());
			}
		}
	}

	@Test
	void aSeededTierCountsFromItsDateAndAnEntryAtMidnightBelongsToItsDay() {
		Map<String, Integer> cells = nonZero(cells(matrix("risk_zhou", "2026-06-29", MigrationHistory.TO, null)));
		// C-WANG-1's entry at 00:00 on 06-30 and the tiers seeded on 06-30 are not yet in force on 06-29.
		assertThat(cells).isEqualTo(Map.of("B>A", 1, "NONE>A", 1, "NONE>B", 3, "NONE>C", 2, "NONE>NONE", 2));
		assertThat(ids("risk_zhou", "2026-06-29", MigrationHistory.TO, "NONE", "A")).containsExactly("C-WANG-2");
		assertThat(ids("risk_zhou", "2026-06-29", MigrationHistory.TO, "NONE", "C")).containsExactlyInAnyOrder("C-WANG-1",
				"C-XU-1");
	}

	@Test
	void onOneDayTheLastEntryOfTheDayCounts() {
		Map<String, Integer> cells = nonZero(cells(matrix("risk_zhou", MigrationHistory.TO, MigrationHistory.TO, null)));
		assertThat(ids("risk_zhou", MigrationHistory.TO, MigrationHistory.TO, "B", "B")).contains("C-LI-2");
		assertThat(ids("risk_zhou", MigrationHistory.TO, MigrationHistory.TO, "A", "A")).contains("C-LI-1");
		// On one date every client stays in its row.
		assertThat(cells.keySet()).allSatisfy(cell -> assertThat(cell.split(">")[0]).isEqualTo(cell.split(">")[1]));
		// A day later C-LI-2's entry at midnight (A) is in force.
		assertThat(ids("risk_zhou", MigrationHistory.TO, "2026-10-01", "B", "A")).containsExactly("C-LI-2");
	}

	@Test
	void theFilterSelectsClientsAsTheyAreNow() {
		assertThat(nonZero(cells(matrix("risk_zhou", MigrationHistory.FROM, MigrationHistory.TO,
				Map.of("region", "NORTH_CHINA"))))).isEqualTo(Map.of("NONE>B", 1, "B>B", 1));
		// tier is the current tier: C-LI-1 and C-WANG-2 and C-ZHAO-1 are A today (seeded).
		assertThat(nonZero(cells(matrix("risk_zhou", MigrationHistory.FROM, MigrationHistory.TO,
				Map.of("tier", "A"))))).isEqualTo(Map.of("B>A", 1, "A>A", 1, "NONE>B", 1));
	}

	@Test
	void afterAHandoverTheClientCountsForItsNewRmOnly() {
		assertThat(nonZero(cells(matrix("rm_li", MigrationHistory.FROM, MigrationHistory.TO, null))))
			.containsEntry("B>A", 1);
		as(this.graphQlTester, "lead_sun").document("""
				mutation($input: AssignClientInput!) { assignClient(input: $input) { errors { code } } }""")
			.variable("input", Map.of("clientId", "C-LI-1", "primaryManager", "rm_zhang", "coManagers", List.of(),
					"reason", "handover", "expectedVersion", 0))
			.execute()
			.path("assignClient.errors").entityList(Object.class).hasSize(0);
		assertThat(nonZero(cells(matrix("rm_li", MigrationHistory.FROM, MigrationHistory.TO, null))))
			.doesNotContainKey("B>A");
		assertThat(ids("rm_li", MigrationHistory.FROM, MigrationHistory.TO, "B", "A")).isEmpty();
		assertThat(ids("rm_zhang", MigrationHistory.FROM, MigrationHistory.TO, "B", "A")).containsExactly("C-LI-1");
	}

	@Test
	void theDrillDownPagesByNameWithoutRepeatsOrGaps() {
		List<String> all = ids("risk_zhou", MigrationHistory.FROM, MigrationHistory.TO, "NONE", "B");
		assertThat(all).hasSize(2);
		List<String> paged = new ArrayList<>();
		String after = null;
		boolean more = true;
		while (more) {
			GraphQlTester.Response page = cell("risk_zhou", "NONE", "B", 1, after);
			paged.addAll(page.path("tierMigrationClients.edges[*].node.id").entityList(String.class).get());
			more = page.path("tierMigrationClients.pageInfo.hasNextPage").entity(Boolean.class).get();
			after = page.path("tierMigrationClients.pageInfo.endCursor").entity(String.class).get();
		}
		assertThat(paged).isEqualTo(all);
	}

	@Test
	void hostileDatesAndPagesAreTypedInvalidArguments() {
		String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
		String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
		invalid(matrix("risk_zhou", MigrationHistory.TO, MigrationHistory.FROM, null), "to");
		invalid(matrix("risk_zhou", "1900-01-01", MigrationHistory.TO, null), "from");
		invalid(matrix("risk_zhou", MigrationHistory.FROM, tomorrow, null), "to");
		invalid(matrix("risk_zhou", MigrationHistory.FROM, "9999-12-31", null), "to");
		invalid(matrix("risk_zhou", "2000-01-01", today, null), "to");
		invalid(cell("risk_zhou", "B", "A", 101, null), "first");
		invalid(cell("risk_zhou", "B", "A", -1, null), "first");
		invalid(cell("risk_zhou", "B", "A", 10, "not-a-cursor"), "after");
		// A cursor of the client list is not one of the drill-down's.
		String clientsCursor = as(this.graphQlTester, "risk_zhou").document("{ clients(first: 1) { pageInfo { endCursor } } }")
			.execute()
			.path("clients.pageInfo.endCursor")
			.entity(String.class)
			.get();
		invalid(cell("risk_zhou", "B", "A", 10, clientsCursor), "after");
		// Not a date at all: refused by the Date scalar before anything runs.
		as(this.graphQlTester, "risk_zhou").document(MATRIX).variable("from", "2026-02-30").variable("to", MigrationHistory.TO)
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).isNotEmpty()
				.allSatisfy(error -> assertThat(error.getErrorType().toString()).isEqualTo("ValidationError")));
	}

	@Test
	void aDrillDownPageOfFiftyCostsTheSameCommandsAsAPageOfTen() {
		new ClientBookFixture(this.mongoTemplate).addBulkClients("rm_li", 60);
		for (String user : List.of("rm_li", "lead_sun", "risk_zhou")) {
			List<String> forTen = commands(user, bulkPage(10));
			List<String> forFifty = commands(user, bulkPage(50));
			assertThat(forFifty).as(user).containsExactlyInAnyOrderElementsOf(forTen);
			// the cell's page and its count, one aggregation each, plus a history read per collection for asOf
			assertThat(forTen.stream().filter("aggregate"::equals)).as(user).hasSize(5);
		}
	}

	private static String bulkPage(int size) {
		return """
				{ tierMigrationClients(from: "%s", to: "%s", fromTier: B, toTier: B, first: %d) {
				    totalCount edges { node { id name primaryManager { username } coManagers { username }
				      valueTier { tier } asOf(date: "%s") { tier rating fiveCategory primaryManager } } } } }"""
			.formatted(MigrationHistory.FROM, MigrationHistory.TO, size, MigrationHistory.FROM);
	}

	private List<String> commands(String user, String document) {
		this.callerScopes.forgetAll();
		as(this.graphQlTester, user).document(document).execute();
		this.commands.reset();
		as(this.graphQlTester, user).document(document).execute().errors().verify();
		return this.commands.dataCommands();
	}

	private GraphQlTester.Response matrix(String user, String from, String to, Map<String, Object> filter) {
		return as(this.graphQlTester, user).document(MATRIX)
			.variable("from", from)
			.variable("to", to)
			.variable("filter", filter)
			.execute();
	}

	private GraphQlTester.Response cell(String user, String fromTier, String toTier, int first, String after) {
		return cell(user, MigrationHistory.FROM, MigrationHistory.TO, fromTier, toTier, first, after);
	}

	private GraphQlTester.Response cell(String user, String from, String to, String fromTier, String toTier,
			int first, String after) {
		return as(this.graphQlTester, user).document(CELL)
			.variable("from", from)
			.variable("to", to)
			.variable("f", fromTier)
			.variable("t", toTier)
			.variable("first", first)
			.variable("after", after)
			.execute();
	}

	private List<String> ids(String user, String from, String to, String fromTier, String toTier) {
		return cell(user, from, to, fromTier, toTier, 100, null).path("tierMigrationClients.edges[*].node.id")
			.entityList(String.class)
			.get();
	}

	/** Every cell as "FROM>TO" with its count. */
	private static Map<String, Integer> cells(GraphQlTester.Response response) {
		response.errors().verify();
		Map<String, Integer> cells = new TreeMap<>();
		List<Map<String, Object>> rows = response.path("tierMigration.cells")
			.entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
		for (Map<String, Object> row : rows) {
			cells.put(row.get("fromTier") + ">" + row.get("toTier"), ((Number) row.get("count")).intValue());
		}
		return cells;
	}

	private static Map<String, Integer> nonZero(Map<String, Integer> cells) {
		Map<String, Integer> result = new TreeMap<>();
		cells.forEach((cell, count) -> {
			if (count > 0) {
				result.put(cell, count);
			}
		});
		return result;
	}

	private static Map<String, Integer> expectedCounts(List<String> clients) {
		Map<String, Integer> counts = new HashMap<>();
		for (String client : clients) {
			String cell = MigrationHistory.CELLS.get(client);
			if (cell != null) {
				counts.merge(cell, 1, Integer::sum);
			}
		}
		return new TreeMap<>(counts);
	}

	private static void invalid(GraphQlTester.Response response, String argument) {
		response.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies((ResponseError error) -> {
			assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
			assertThat(error.getExtensions()).containsEntry("code", "INVALID_ARGUMENT")
				.containsEntry("argument", argument);
		}));
	}

}
