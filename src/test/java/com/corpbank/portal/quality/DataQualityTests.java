package com.corpbank.portal.quality;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import com.corpbank.portal.access.ClientScope;
import com.corpbank.portal.client.Client;
import com.corpbank.portal.client.Uscc;
import com.corpbank.portal.contact.Contact;
import com.corpbank.portal.financials.FinancialStatement;
import com.corpbank.portal.manager.RelationshipManager;
import com.corpbank.portal.support.ClientBookFixture;
import com.corpbank.portal.support.MongoCommandCounter;
import com.corpbank.portal.support.PortalTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static com.corpbank.portal.support.Testers.as;
import static com.corpbank.portal.support.Testers.visibleClientIds;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data quality report per role equals what the same caller can list and fails each check (computed here from the
 * listed ids and the store, in Java); each problem at its boundary; the drill-down lists exactly the counted clients;
 * commands do not grow with the page; hostile arguments are typed errors.
 */
@PortalTest
@Import(DataQualityTests.FixedClock.class)
class DataQualityTests {

	/** 10:00 in Beijing on 2026-11-20: after the 05-31 due day, so fiscal 2025 is required. */
	static final Instant NOW = Instant.parse("2026-11-20T02:00:00Z");

	static final int REQUIRED_YEAR = 2025;

	static final List<String> USERS = List.of("rm_li", "rm_zhang", "rm_wang", "rm_xu", "rm_zhao", "rm_liu", "lead_sun",
			"mgr_chen", "mgr_he", "risk_zhou", "analyst_wu");

	static final String REPORT = "{ dataQualityReport { asOf requiredFiscalYear total { clients missingStatements "
			+ "staleStatements failedUsccCheck missingContacts unrated } teams { teamCode teamName counts { clients "
			+ "missingStatements staleStatements failedUsccCheck missingContacts unrated } } } }";

	@TestConfiguration(proxyBeanMethods = false)
	static class FixedClock {

		@Bean
		@Primary
		Clock qualityTestClock() {
			return Clock.fixed(NOW, ZoneId.of("UTC"));
		}

	}

	@Autowired
	HttpGraphQlTester graphQlTester;

	@Autowired
	MongoTemplate mongoTemplate;

	@Autowired
	MongoCommandCounter commands;

	@Autowired
	DataQualityQueries queries;

	@BeforeEach
	void bookWithEveryKindOfProblem() {
		ClientBookFixture fixture = new ClientBookFixture(this.mongoTemplate);
		fixture.load();
		fixture.addBulkClients("rm_liu", 3);
		// C-LI-1: no statement at all (missing). C-ZHANG-1: 2024 and a 2025 quarter only (stale: the limit is the
		// 2025 annual). C-WANG-1: 2024 and 2025 (exactly at the limit: not stale). C-XU-1: a later year only.
		removeStatements("C-LI-1", null);
		removeStatements("C-ZHANG-1", "2025");
		insertStatement("C-ZHANG-1", "2025Q3", LocalDate.of(2025, 9, 30));
		removeStatements("C-XU-1", null);
		insertStatement("C-XU-1", "2026", LocalDate.of(2026, 12, 31));
		// Contacts: C-LI-2 has one, C-WANG-1 only a removed one (still missing), C-ZHAO-1 one.
		insertContact("K1", "C-LI-2", null);
		insertContact("K2", "C-WANG-1", Instant.parse("2026-10-01T00:00:00Z"));
		insertContact("K3", "C-ZHAO-1", null);
		// USCCs: C-LI-2 and C-ZHAO-2 valid, C-BULK-001 one check char off; the fixture's others are digits only.
		setUscc("C-LI-2", Uscc.of('9', '1', "310115", "MA1FL8K3"));
		setUscc("C-ZHAO-2", Uscc.of('9', '1', "110108", "10110001"));
		String valid = Uscc.of('9', '1', "310101", "MA1GXY20");
		setUscc("C-BULK-001", valid.substring(0, 17) + (valid.charAt(17) == '1' ? '2' : '1'));
		// C-LI-1 unrated (the fixture rates every client).
		this.mongoTemplate.updateFirst(new Query(Criteria.where("_id").is("C-LI-1")), new Update().unset("risk"),
				Client.class);
	}

	@Test
	void requiredFiscalYearTurnsTheDayAfterTheDueDay() {
		MonthDay due = MonthDay.of(5, 31);
		assertThat(DataQualityQueries.requiredFiscalYear(LocalDate.of(2026, 5, 31), due)).isEqualTo(2024);
		assertThat(DataQualityQueries.requiredFiscalYear(LocalDate.of(2026, 6, 1), due)).isEqualTo(2025);
		assertThat(DataQualityQueries.requiredFiscalYear(LocalDate.of(2026, 1, 1), due)).isEqualTo(2024);
	}

	@Test
	void eachRoleCountsExactlyTheClientsItCanListThatFailEachCheck() {
		for (String user : USERS) {
			List<String> listed = visibleClientIds(this.graphQlTester, user);
			Map<DataQualityProblem, Set<String>> expected = expected(listed);
			Map<String, Object> total = as(this.graphQlTester, user).document(REPORT)
				.execute()
				.path("dataQualityReport.total")
				.entity(Map.class)
				.get();
			assertThat(((Number) total.get("clients")).longValue()).as(user).isEqualTo(listed.size());
			for (DataQualityProblem problem : DataQualityProblem.values()) {
				assertThat(((Number) total.get(problem.flagField())).longValue()).as(user + " " + problem)
					.isEqualTo(expected.get(problem).size());
				assertThat(drillDown(user, problem, null)).as(user + " drills into " + problem)
					.containsExactlyInAnyOrderElementsOf(expected.get(problem));
			}
			List<Map> teams = as(this.graphQlTester, user).document(REPORT)
				.execute()
				.path("dataQualityReport.teams")
				.entityList(Map.class)
				.get();
			Map<String, List<String>> listedByTeam = byTeam(listed);
			assertThat(teams).extracting(team -> (String) team.get("teamCode")).as(user)
				.containsExactlyElementsOf(new TreeSet<>(listedByTeam.keySet()));
			for (Map team : teams) {
				String code = (String) team.get("teamCode");
				Map<String, Object> counts = (Map<String, Object>) team.get("counts");
				Map<DataQualityProblem, Set<String>> teamExpected = expected(listedByTeam.get(code));
				assertThat(((Number) counts.get("clients")).longValue()).isEqualTo(listedByTeam.get(code).size());
				for (DataQualityProblem problem : DataQualityProblem.values()) {
					assertThat(((Number) counts.get(problem.flagField())).longValue()).as(user + " " + code + " " + problem)
						.isEqualTo(teamExpected.get(problem).size());
					assertThat(drillDown(user, problem, code)).as(user + " " + code + " " + problem)
						.containsExactlyInAnyOrderElementsOf(teamExpected.get(problem));
				}
			}
		}
	}

	@Test
	void eachProblemAtItsBoundary() {
		Map<DataQualityProblem, Set<String>> all = expected(visibleClientIds(this.graphQlTester, "risk_zhou"));
		assertThat(all.get(DataQualityProblem.MISSING_STATEMENTS)).containsExactly("C-LI-1");
		assertThat(all.get(DataQualityProblem.STALE_STATEMENTS)).containsExactly("C-ZHANG-1");
		assertThat(drillDown("risk_zhou", DataQualityProblem.STALE_STATEMENTS, null)).containsExactly("C-ZHANG-1");
		assertThat(drillDown("risk_zhou", DataQualityProblem.MISSING_STATEMENTS, null)).containsExactly("C-LI-1");
		assertThat(drillDown("risk_zhou", DataQualityProblem.MISSING_CONTACTS, null)).contains("C-WANG-1")
			.doesNotContain("C-LI-2", "C-ZHAO-1");
		assertThat(drillDown("risk_zhou", DataQualityProblem.FAILED_USCC_CHECK, null)).contains("C-BULK-001")
			.doesNotContain("C-LI-2", "C-ZHAO-2");
		assertThat(drillDown("risk_zhou", DataQualityProblem.UNRATED, null)).doesNotContain("C-LI-2", "C-ZHAO-1")
			.contains("C-LI-1");
	}

	@Test
	void theStoreUsccCheckAgreesWithUsccIsValid() {
		Random random = new Random(9);
		java.util.LinkedHashSet<String> unique = new java.util.LinkedHashSet<>();
		for (int i = 0; i < 150; i++) {
			StringBuilder base = new StringBuilder();
			for (int j = 0; j < 8; j++) {
				base.append(Uscc.ALPHABET.charAt(random.nextInt(Uscc.ALPHABET.length())));
			}
			String code = Uscc.of('9', '1', "310115", base.toString());
			unique.add(code);
			int position = random.nextInt(18);
			char other = Uscc.ALPHABET.charAt(random.nextInt(Uscc.ALPHABET.length()));
			unique.add(code.substring(0, position) + other + code.substring(position + 1));
		}
		unique.addAll(List.of("", "91310115MA1FL8K3", "91310115ma1fl8k3xx", "9131011SMA1FL8K3X0", "913101150000000000",
				"9131O115MA1FL8K3X0", "91310115MA1FL8K3X0Z", "统一社会信用代码一二三四五六七八九十"));
		List<String> codes = new ArrayList<>(unique);
		List<String> expectedFailures = new ArrayList<>();
		for (int i = 0; i < codes.size(); i++) {
			String id = "C-USCC-%03d".formatted(i);
			org.bson.Document doc = new org.bson.Document("_id", id).append("name", id)
				.append("uscc", codes.get(i))
				.append("primaryManager", "rm_li")
				.append("managerUsernames", List.of("rm_li"));
			this.mongoTemplate.insert(doc, "clients");
			if (!Uscc.isValid(codes.get(i))) {
				expectedFailures.add(id);
			}
		}
		assertThat(expectedFailures).hasSizeGreaterThan(100).hasSizeLessThan(codes.size() - 100);
		ClientScope onlyThese = new ClientScope(Criteria.where("_id").regex("^C-USCC-"));
		List<String> failed = new ArrayList<>();
		String after = null;
		do {
			DataQualityQueries.Page page = this.queries.clients(onlyThese, DataQualityProblem.FAILED_USCC_CHECK, null,
					100, after);
			page.edges().forEach(edge -> failed.add(edge.node().id()));
			after = page.pageInfo().hasNextPage() ? page.pageInfo().endCursor() : null;
		}
		while (after != null);
		assertThat(failed).containsExactlyInAnyOrderElementsOf(expectedFailures);
		assertThat(this.queries.count(this.queries
			.clients(onlyThese, DataQualityProblem.FAILED_USCC_CHECK, null, 1, null)
			.selection())).isEqualTo(expectedFailures.size());
	}

	@Test
	void commandsDoNotGrowWithThePage() {
		String page = "query($first: Int) { dataQualityClients(problem: MISSING_CONTACTS, first: $first) { totalCount "
				+ "edges { node { id name nextFollowUp { dueOn } } } pageInfo { hasNextPage } } }";
		this.commands.reset();
		as(this.graphQlTester, "risk_zhou").document(page).variable("first", 2).execute();
		List<MongoCommandCounter.Command> forTwo = this.commands.commandsWithTarget();
		this.commands.reset();
		as(this.graphQlTester, "risk_zhou").document(page).variable("first", 12).execute();
		List<MongoCommandCounter.Command> forTwelve = this.commands.commandsWithTarget();
		assertThat(forTwelve).containsExactlyInAnyOrderElementsOf(forTwo);
		this.commands.reset();
		as(this.graphQlTester, "mgr_he").document(REPORT).execute();
		// one aggregation, the RMs' teams, the teams' names
		assertThat(this.commands.commandsWithTarget()).hasSizeLessThanOrEqualTo(3)
			.filteredOn(command -> command.name().equals("aggregate"))
			.hasSize(1);
	}

	@Test
	void hostileArgumentsAreTypedErrors() {
		String query = "query($team: String, $first: Int, $after: String) { dataQualityClients(problem: UNRATED, "
				+ "teamCode: $team, first: $first, after: $after) { totalCount } }";
		for (Map<String, Object> variables : List.<Map<String, Object>>of(Map.of("team", "x".repeat(65)),
				Map.of("team", "SH'; db.dropDatabase()"), Map.of("team", "{\"$ne\": null}"), Map.of("first", 101),
				Map.of("first", -1), Map.of("after", "not-a-cursor"), Map.of("after", "x".repeat(5000)))) {
			as(this.graphQlTester, "risk_zhou").document(query)
				.variables(variables)
				.execute()
				.errors()
				.satisfy(errors -> assertThat(errors).as(variables.toString())
					.singleElement()
					.satisfies(error -> assertThat(error.getExtensions()).containsEntry("code",
							"INVALID_ARGUMENT")));
		}
		// a cursor of another problem is refused too
		String cursor = as(this.graphQlTester, "risk_zhou")
			.document("{ dataQualityClients(problem: UNRATED, first: 1) { pageInfo { endCursor } } }")
			.execute()
			.path("dataQualityClients.pageInfo.endCursor")
			.entity(String.class)
			.get();
		as(this.graphQlTester, "risk_zhou")
			.document("query($after: String) { dataQualityClients(problem: MISSING_CONTACTS, after: $after) { totalCount } }")
			.variable("after", cursor)
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "INVALID_ARGUMENT")));
		as(this.graphQlTester, "admin").document(REPORT).execute().errors().satisfy(errors -> assertThat(errors)
			.singleElement()
			.satisfies(error -> assertThat(error.getErrorType().toString()).isEqualTo("FORBIDDEN")));
	}

	private List<String> drillDown(String user, DataQualityProblem problem, String teamCode) {
		List<String> ids = new ArrayList<>();
		String after = null;
		long total = -1;
		do {
			var response = as(this.graphQlTester, user).document("query($p: DataQualityProblem!, $t: String, $a: String) "
					+ "{ dataQualityClients(problem: $p, teamCode: $t, first: 3, after: $a) { totalCount edges { node { id } } "
					+ "pageInfo { hasNextPage endCursor } } }")
				.variable("p", problem.name())
				.variable("t", teamCode)
				.variable("a", after)
				.execute();
			ids.addAll(response.path("dataQualityClients.edges[*].node.id").entityList(String.class).get());
			total = response.path("dataQualityClients.totalCount").entity(Long.class).get();
			boolean next = response.path("dataQualityClients.pageInfo.hasNextPage").entity(Boolean.class).get();
			after = next ? response.path("dataQualityClients.pageInfo.endCursor").entity(String.class).get() : null;
		}
		while (after != null);
		assertThat(ids).as("totalCount").hasSize((int) total);
		return ids;
	}

	/** The problems of the listed clients, decided in Java from the store. */
	private Map<DataQualityProblem, Set<String>> expected(List<String> clientIds) {
		Map<DataQualityProblem, Set<String>> result = new HashMap<>();
		for (DataQualityProblem problem : DataQualityProblem.values()) {
			result.put(problem, new TreeSet<>());
		}
		for (String id : clientIds) {
			Client client = this.mongoTemplate.findById(id, Client.class);
			List<FinancialStatement> statements = this.mongoTemplate
				.find(new Query(Criteria.where("clientId").is(id)), FinancialStatement.class);
			long contacts = this.mongoTemplate.find(new Query(Criteria.where("clientId").is(id)), Contact.class)
				.stream()
				.filter(contact -> contact.removedAt() == null)
				.count();
			if (statements.isEmpty()) {
				result.get(DataQualityProblem.MISSING_STATEMENTS).add(id);
			}
			else if (statements.stream()
				.noneMatch(s -> s.period().length() == 4 && Integer.parseInt(s.period()) >= REQUIRED_YEAR)) {
				result.get(DataQualityProblem.STALE_STATEMENTS).add(id);
			}
			if (!Uscc.isValid(client.uscc())) {
				result.get(DataQualityProblem.FAILED_USCC_CHECK).add(id);
			}
			if (contacts == 0) {
				result.get(DataQualityProblem.MISSING_CONTACTS).add(id);
			}
			if (client.risk() == null) {
				result.get(DataQualityProblem.UNRATED).add(id);
			}
		}
		return result;
	}

	private Map<String, List<String>> byTeam(List<String> clientIds) {
		Map<String, List<String>> result = new HashMap<>();
		for (String id : clientIds) {
			Client client = this.mongoTemplate.findById(id, Client.class);
			RelationshipManager rm = this.mongoTemplate.findById(client.primaryManager(), RelationshipManager.class);
			result.computeIfAbsent(rm.teamCode(), key -> new ArrayList<>()).add(id);
		}
		return result;
	}

	private void removeStatements(String clientId, String period) {
		Criteria criteria = Criteria.where("clientId").is(clientId);
		if (period != null) {
			criteria = criteria.and("period").is(period);
		}
		this.mongoTemplate.remove(new Query(criteria), FinancialStatement.class);
	}

	private void insertStatement(String clientId, String period, LocalDate periodEnd) {
		java.math.BigDecimal one = new java.math.BigDecimal("1.00");
		this.mongoTemplate.insert(new FinancialStatement(FinancialStatement.idOf(clientId, period), clientId, period,
				periodEnd, "CNY", one, one, one, one, null, null, one, null, 10));
	}

	private void insertContact(String id, String clientId, Instant removedAt) {
		this.mongoTemplate.insert(new Contact(id, clientId, "联系人", null, "13800000000", null, null,
				Instant.parse("2026-01-01T00:00:00Z"), "rm_li", removedAt, (removedAt != null) ? "rm_li" : null, null));
	}

	private void setUscc(String clientId, String uscc) {
		this.mongoTemplate.updateFirst(new Query(Criteria.where("_id").is(clientId)), Update.update("uscc", uscc),
				Client.class);
	}

}
