package com.corpbank.portal.migration;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.corpbank.portal.access.CallerScopes;
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
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code Client.asOf}: tier, grades and primary RM on a date, at the boundaries of the hand-built tier history
 * ({@link MigrationHistory}), after a handover and a rating change made through the mutations, in agreement with the
 * matrix, only on clients the caller sees, with typed errors for hostile dates and batched over a page.
 */
@PortalTest
class ClientAsOfTests {

	private static final String AS_OF = """
			query($id: ID!, $date: Date!) {
			  client(id: $id) { id asOf(date: $date) { date tier rating fiveCategory primaryManager } }
			}""";

	private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

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
	void theTierIsTheLastEntryOnOrBeforeTheDayAndUnknownBeforeTheFirst() {
		assertThat(tier("C-LI-1", "2026-09-30")).isEqualTo("A");
		assertThat(tier("C-LI-1", "2026-09-29")).isEqualTo("B");
		assertThat(tier("C-LI-1", "2026-03-10")).isEqualTo("B");
		// Before the first entry the tier it replaced carries no date: unknown.
		assertThat(tier("C-LI-1", "2026-03-09")).isNull();
		assertThat(tier("C-LI-2", "2026-09-30")).isEqualTo("B");
		assertThat(tier("C-LI-2", "2026-10-01")).isEqualTo("A");
		assertThat(tier("C-WANG-1", "2026-06-30")).isEqualTo("C");
		assertThat(tier("C-WANG-1", "2026-06-29")).isNull();
		// No history: the seeded tier from its own date on.
		assertThat(tier("C-WANG-2", "2026-06-30")).isEqualTo("A");
		assertThat(tier("C-WANG-2", "2026-06-29")).isNull();
		assertThat(tier("C-XU-2", "2026-09-30")).isNull();
	}

	@Test
	void everyClientsTiersOnBothDatesAreItsMatrixCell() {
		for (Map.Entry<String, String> cell : MigrationHistory.CELLS.entrySet()) {
			String from = tier(cell.getKey(), MigrationHistory.FROM);
			String to = tier(cell.getKey(), MigrationHistory.TO);
			assertThat(((from != null) ? from : "NONE") + ">" + ((to != null) ? to : "NONE")).as(cell.getKey())
				.isEqualTo(cell.getValue());
		}
	}

	@Test
	void afterAHandoverAndARatingChangeThePastStaysAsItWas() {
		LocalDate today = LocalDate.now(BEIJING);
		String yesterday = today.minusDays(1).toString();
		as(this.graphQlTester, "lead_sun").document("""
				mutation($input: AssignClientInput!) { assignClient(input: $input) { errors { code } } }""")
			.variable("input", Map.of("clientId", "C-LI-1", "primaryManager", "rm_zhang", "coManagers", List.of(),
					"reason", "handover", "expectedVersion", 0))
			.execute()
			.path("assignClient.errors").entityList(Object.class).hasSize(0);
		as(this.graphQlTester, "risk_zhou").document("""
				mutation($input: SetRiskGradeInput!) { setRiskGrade(input: $input) { errors { code } } }""")
			.variable("input", Map.of("clientId", "C-LI-1", "rating", "BB", "fiveCategory", "SUBSTANDARD",
					"overdueDays", 120, "reason", "overdue", "expectedVersion", 1))
			.execute()
			.path("setRiskGrade.errors").entityList(Object.class).hasSize(0);

		GraphQlTester.Response now = asOf("rm_zhang", "C-LI-1", today.toString());
		now.path("client.asOf.primaryManager").entity(String.class).isEqualTo("rm_zhang");
		now.path("client.asOf.rating").entity(String.class).isEqualTo("BB");
		now.path("client.asOf.fiveCategory").entity(String.class).isEqualTo("SUBSTANDARD");
		// Yesterday: the RM and grades the first history entries replaced (onboarded 2012, rated 2026-03-31).
		GraphQlTester.Response before = asOf("rm_zhang", "C-LI-1", yesterday);
		before.path("client.asOf.primaryManager").entity(String.class).isEqualTo("rm_li");
		before.path("client.asOf.rating").entity(String.class).isEqualTo("A");
		before.path("client.asOf.fiveCategory").entity(String.class).isEqualTo("NORMAL");
		before.path("client.asOf.tier").entity(String.class).isEqualTo("A");
		// Before the replaced grades were set, and before the client was onboarded: unknown.
		GraphQlTester.Response early = asOf("rm_zhang", "C-LI-1", "2011-01-01");
		early.path("client.asOf.rating").valueIsNull();
		early.path("client.asOf.primaryManager").valueIsNull();
		early.path("client.asOf.tier").valueIsNull();
		asOf("rm_zhang", "C-LI-1", "2026-03-30").path("client.asOf.rating").valueIsNull();
		// The old RM no longer sees the client, so not its past either.
		asOf("rm_li", "C-LI-1", yesterday).path("client").valueIsNull();
	}

	@Test
	void withoutHistoryTheCurrentValuesCountFromTheirOwnDates() {
		GraphQlTester.Response response = asOf("rm_li", "C-LI-2", "2026-06-30");
		response.path("client.asOf.date").entity(String.class).isEqualTo("2026-06-30");
		response.path("client.asOf.rating").entity(String.class).isEqualTo("BB");
		response.path("client.asOf.fiveCategory").entity(String.class).isEqualTo("SPECIAL_MENTION");
		response.path("client.asOf.primaryManager").entity(String.class).isEqualTo("rm_li");
		asOf("rm_li", "C-LI-2", "2012-02-29").path("client.asOf.primaryManager").valueIsNull();
		asOf("rm_li", "C-LI-2", "2012-03-01").path("client.asOf.primaryManager").entity(String.class)
			.isEqualTo("rm_li");
	}

	@Test
	void hostileDatesAreTypedInvalidArguments() {
		for (String date : List.of("1999-12-31", "9999-12-31", LocalDate.now(BEIJING).plusDays(1).toString())) {
			asOf("rm_li", "C-LI-1", date).errors().satisfy(errors -> assertThat(errors).singleElement()
				.satisfies((ResponseError error) -> {
					assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
					assertThat(error.getExtensions()).containsEntry("code", "INVALID_ARGUMENT")
						.containsEntry("argument", "date");
				}));
		}
	}

	@Test
	void aPageOfFiftyClientsAsOfADateCostsTheSameCommandsAsAPageOfTen() {
		new ClientBookFixture(this.mongoTemplate).addBulkClients("rm_li", 60);
		for (String user : List.of("rm_li", "mgr_chen", "analyst_wu")) {
			List<String> forTen = commands(user, page(10));
			List<String> forFifty = commands(user, page(50));
			assertThat(forFifty).as(user).containsExactlyInAnyOrderElementsOf(forTen);
			// per distinct date, one read of each history
			assertThat(forTen.stream().filter("aggregate"::equals)).as(user).hasSize(6);
		}
	}

	private static String page(int size) {
		return """
				{ clients(first: %d) { edges { node { id
				    then: asOf(date: "2026-06-30") { tier rating primaryManager }
				    later: asOf(date: "2026-09-30") { tier fiveCategory } } } } }""".formatted(size);
	}

	private List<String> commands(String user, String document) {
		this.callerScopes.forgetAll();
		as(this.graphQlTester, user).document(document).execute();
		this.commands.reset();
		as(this.graphQlTester, user).document(document).execute().errors().verify();
		return this.commands.dataCommands();
	}

	private String tier(String clientId, String date) {
		GraphQlTester.Response response = asOf("risk_zhou", clientId, date);
		response.errors().verify();
		Map<?, ?> asOf = response.path("client.asOf").entity(Map.class).get();
		return (String) asOf.get("tier");
	}

	private GraphQlTester.Response asOf(String user, String clientId, String date) {
		return as(this.graphQlTester, user).document(AS_OF).variable("id", clientId).variable("date", date).execute();
	}

}
