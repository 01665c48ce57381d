package com.corpbank.portal.client;

import java.util.List;
import java.util.Map;

import com.corpbank.portal.support.ClientBookFixture;
import com.corpbank.portal.support.MongoCommandCounter;
import com.corpbank.portal.support.PortalTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static com.corpbank.portal.support.Testers.as;
import static org.assertj.core.api.Assertions.assertThat;

/** Nested fields are batched: the number of MongoDB commands does not grow with the page size. */
@PortalTest
class ClientBatchingTests {

	@Autowired
	HttpGraphQlTester graphQlTester;

	@Autowired
	MongoTemplate mongoTemplate;

	@Autowired
	MongoCommandCounter commands;

	@BeforeEach
	void loadBook() {
		ClientBookFixture fixture = new ClientBookFixture(this.mongoTemplate);
		fixture.load();
		fixture.addBulkClients("rm_li", 60);
	}

	@Test
	void aPageOfFiftyCostsTheSameCommandsAsAPageOfTen() {
		List<String> forTen = commandsForPage(10);
		List<String> forFifty = commandsForPage(50);
		// page, totalCount (the head office's whole book: a count from the collection's metadata), primaryManager and
		// coManagers (one loader), latestFinancials, RelationshipManager.team
		assertThat(forTen).containsExactlyInAnyOrder("find", "count", "find", "aggregate", "find");
		assertThat(forFifty).containsExactlyInAnyOrderElementsOf(forTen);
	}

	@Test
	void thePageWithEveryNestedFieldCostsTheSameCommandsAtTenAndAHundredRows() {
		assertSameCommandsAtTenAndAHundredRows("risk_zhou");
	}

	/**
	 * A page of rm_li's where a co-RM (rm_zhang) is nobody's primary RM on the page: the co-RMs load with the primary
	 * RMs (one DataLoader), so their teams are one lookup too. With a loader per field this cost 7 commands at 100
	 * rows and 6 at 10.
	 */
	@Test
	void thePageOfAnRmWithOutsideCoManagersCostsTheSameCommandsAtTenAndAHundredRows() {
		assertSameCommandsAtTenAndAHundredRows("rm_li");
	}

	private void assertSameCommandsAtTenAndAHundredRows(String user) {
		// 50 more clients, with a co-RM so that the co-RM lookup runs too: rm_li then serves over 100 clients.
		new ClientBookFixture(this.mongoTemplate).addBulkClients("C-WIDE", "rm_li", 50, "rm_zhang");
		// The caller's row scope is looked up on their first request and then cached (portal.security.scope-cache):
		// not a cost of the page's size.
		commandsForPage(user, 1);
		List<String> forTen = commandsForPage(user, 10);
		List<String> forHundred = commandsForPage(user, 100);
		// the page, its totalCount (an index count for the head office's whole book, a scoped aggregate for an RM),
		// latestFinancials, the primary and co-RMs (one lookup) and their teams (one lookup)
		String totalCount = user.equals("risk_zhou") ? "count" : "aggregate";
		assertThat(forTen).as(user).containsExactlyInAnyOrder("find", totalCount, "aggregate", "find", "find");
		assertThat(forHundred).as(user).containsExactlyInAnyOrderElementsOf(forTen);
	}

	@Test
	void aliasedListsCostTheSameCommandsWhateverTheirPageSize() {
		List<String> forFive = commandsForAliasedPages(5);
		List<String> forThirty = commandsForAliasedPages(30);
		// a page per alias, and one manager lookup for both (one DataLoader per request)
		assertThat(forFive).containsExactlyInAnyOrder("find", "find", "find");
		assertThat(forThirty).containsExactlyInAnyOrderElementsOf(forFive);
	}

	@Test
	void theWriteSidesNestedFieldsCostTheSameCommandsWhateverThePageSize() {
		// Histories, contacts and metrics on some of the page's clients, written the way the mutations write them.
		for (int i = 1; i <= 60; i += 7) {
			String clientId = "C-BULK-%03d".formatted(i);
			as(this.graphQlTester, "risk_zhou").document("""
					mutation($input: SetRiskGradeInput!) { setRiskGrade(input: $input) { errors { code } } }""")
				.variable("input", Map.of("clientId", clientId, "rating", "BBB", "fiveCategory", "NORMAL", "overdueDays", 0,
						"reason", "review", "expectedVersion", 0))
				.execute().path("setRiskGrade.errors").entityList(Object.class).hasSize(0);
			as(this.graphQlTester, "rm_li").document("""
					mutation($input: AddContactInput!) { addContact(input: $input) { errors { code } } }""")
				.variable("input", Map.of("clientId", clientId, "name", "联系人" + i, "mobile", "13812345678"))
				.execute().path("addContact.errors").entityList(Object.class).hasSize(0);
		}
		for (String user : List.of("rm_li", "lead_sun")) {
			List<String> forTen = commandsForWriteSidePage(user, 10);
			List<String> forFifty = commandsForWriteSidePage(user, 50);
			// Five times the rows, no more commands of any kind (a loader with nothing to load may skip its query,
			// so the smaller page can even cost one more).
			for (String command : forFifty) {
				assertThat(forFifty.stream().filter(command::equals).count()).as(user + ": " + command)
					.isLessThanOrEqualTo(forTen.stream().filter(command::equals).count());
			}
			assertThat(forTen.size()).as(user + ": one command per nested field at most").isLessThanOrEqualTo(14);
		}
	}

	private List<String> commandsForWriteSidePage(String user, int size) {
		this.commands.reset();
		as(this.graphQlTester, user).document("""
				query page($size: Int) {
				  clients(first: $size) { edges { node { id version size sizeBasis { rule }
				    legalRepresentative { name idNumber }
				    contacts { name mobile masked }
				    riskHistory(first: 3) { edges { node { reason grade { rating } } } }
				    assignmentHistory(first: 3) { edges { node { primaryManager } } }
				    latestFinancials { period }
				    latestRelationshipMetrics { month }
				    relationshipMetrics(first: 2) { edges { node { month } } }
				  } } }
				}
				""").variable("size", size).execute().path("clients.edges").entityList(Object.class).hasSize(size);
		return this.commands.dataCommands();
	}

	private List<String> commandsForAliasedPages(int size) {
		this.commands.reset();
		as(this.graphQlTester, "risk_zhou").document("""
				query two($size: Int) {
				  a: clients(first: $size) { edges { node { primaryManager { username } } } }
				  b: clients(first: $size, orderBy: { field: TIER_SCORE }) { edges { node { primaryManager { username } } } }
				}
				""").variable("size", size).execute().path("b.edges").entityList(Object.class).hasSize(size);
		return this.commands.dataCommands();
	}

	private List<String> commandsForPage(int size) {
		return commandsForPage("risk_zhou", size);
	}

	/** The page with every nested field ({@code clientPage}), as the request benchmark sends it. */
	private List<String> commandsForPage(String user, int size) {
		this.commands.reset();
		as(this.graphQlTester, user).documentName("clientPage")
			.variable("first", size)
			.variable("orderBy", Map.of("field", "NAME"))
			.execute()
			.path("clients.edges")
			.entityList(Object.class)
			.hasSize(size);
		return this.commands.dataCommands();
	}

}
