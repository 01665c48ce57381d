package com.corpbank.portal.assignment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.corpbank.portal.support.ClientBookFixture;
import com.corpbank.portal.support.MongoCommandCounter;
import com.corpbank.portal.support.PortalTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static com.corpbank.portal.support.Testers.as;
import static org.assertj.core.api.Assertions.assertThat;

/** Client.assignmentHistory: who served the client when, newest first, in pages, batched over a page of clients. */
@PortalTest
class AssignmentHistoryTests {

	private static final String HISTORY = """
			query($id: ID!, $first: Int, $after: String) {
			  client(id: $id) {
			    assignmentHistory(first: $first, after: $after) {
			      edges { cursor node { id primaryManager coManagers from to changedBy reason previous { primaryManager coManagers } } }
			      pageInfo { hasNextPage endCursor }
			    }
			  }
			}""";

	@Autowired
	HttpGraphQlTester graphQlTester;

	@Autowired
	MongoTemplate mongoTemplate;

	@Autowired
	MongoCommandCounter commands;

	private ClientBookFixture fixture;

	@BeforeEach
	void loadBook() {
		this.fixture = new ClientBookFixture(this.mongoTemplate);
		this.fixture.load();
	}

	@Test
	void aSeededClientHasNoHistoryUntilItsFirstHandover() {
		history("risk_zhou", "C-LI-1", 20, null).path("client.assignmentHistory.edges").entityList(Object.class)
			.hasSize(0);
	}

	@Test
	void historyPagesNewestFirstAndEachEntryEndsWhenTheNextBegins() {
		assign("C-LI-1", "rm_zhang", List.of(), 0, "rm_li on leave");
		assign("C-LI-1", "rm_li", List.of("rm_zhang"), 1, "rm_li back, rm_zhang stays as co-RM");
		assign("C-LI-1", "rm_zhang", List.of("rm_li"), 2, "roles swapped");

		GraphQlTester.Response first = history("risk_zhou", "C-LI-1", 2, null);
		first.path("client.assignmentHistory.edges[*].node.reason").entityList(String.class)
			.containsExactly("roles swapped", "rm_li back, rm_zhang stays as co-RM");
		first.path("client.assignmentHistory.edges[0].node.to").valueIsNull();
		first.path("client.assignmentHistory.edges[0].node.coManagers").entityList(String.class)
			.containsExactly("rm_li");
		first.path("client.assignmentHistory.edges[0].node.previous.primaryManager").entity(String.class)
			.isEqualTo("rm_li");
		first.path("client.assignmentHistory.edges[0].node.changedBy").entity(String.class).isEqualTo("lead_sun");
		first.path("client.assignmentHistory.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		Instant newestFrom = first.path("client.assignmentHistory.edges[0].node.from").entity(Instant.class).get();
		Instant secondFrom = first.path("client.assignmentHistory.edges[1].node.from").entity(Instant.class).get();
		first.path("client.assignmentHistory.edges[1].node.to").entity(Instant.class).isEqualTo(newestFrom);
		String endCursor = first.path("client.assignmentHistory.pageInfo.endCursor").entity(String.class).get();

		GraphQlTester.Response second = history("risk_zhou", "C-LI-1", 2, endCursor);
		second.path("client.assignmentHistory.edges[*].node.reason").entityList(String.class)
			.containsExactly("rm_li on leave");
		second.path("client.assignmentHistory.edges[0].node.to").entity(Instant.class).isEqualTo(secondFrom);
		// The seeded assignment, which has no entry of its own, is the first handover's previous one.
		second.path("client.assignmentHistory.edges[0].node.previous.primaryManager").entity(String.class)
			.isEqualTo("rm_li");
		second.path("client.assignmentHistory.edges[0].node.previous.coManagers").entityList(String.class)
			.hasSize(0);
		second.path("client.assignmentHistory.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
		assertThat(newestFrom).isAfterOrEqualTo(secondFrom);
	}

	@Test
	void aCursorOfAnotherHistoryOrAnOversizedPageIsABadRequest() {
		assign("C-LI-1", "rm_zhang", List.of(), 0, "rm_li on leave");
		history("risk_zhou", "C-LI-1", 101, null).errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getErrorType().toString()).isEqualTo("BAD_REQUEST")));
		// riskHistory|S|2026-01-01T00:00:00Z|x: well formed, but riskHistory's
		String riskCursor = "cmlza0hpc3RvcnkfUx8yMDI2LTAxLTAxVDAwOjAwOjAwWh94";
		history("risk_zhou", "C-LI-1", 1, riskCursor).errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getErrorType().toString()).isEqualTo("BAD_REQUEST")));
	}

	@Test
	void aPageOfFiftyClientsWithTheirHistoriesCostsTheSameCommandsAsAPageOfTen() {
		this.fixture.addBulkClients("rm_li", 60);
		List<AssignmentHistoryEntry> entries = new ArrayList<>();
		for (int i = 1; i <= 60; i++) {
			String clientId = "C-BULK-%03d".formatted(i);
			entries.add(entry(clientId, 1, "rm_zhang", "rm_li", Instant.parse("2026-01-05T02:00:00Z")));
			entries.add(entry(clientId, 2, "rm_li", "rm_zhang", Instant.parse("2026-03-05T02:00:00Z")));
		}
		this.mongoTemplate.insertAll(entries);

		List<String> forTen = commandsForPage(10);
		List<String> forFifty = commandsForPage(50);
		// the page, then one find for every history on it
		assertThat(forTen).containsExactly("find", "find");
		assertThat(forFifty).containsExactlyElementsOf(forTen);
	}

	private List<String> commandsForPage(int size) {
		this.commands.reset();
		GraphQlTester.Response response = as(this.graphQlTester, "risk_zhou").document("""
				query($size: Int) {
				  clients(first: $size, filter: { managerUsername: "rm_li" }, orderBy: { field: TIER_SCORE }) {
				    edges { node { id assignmentHistory(first: 1) { edges { node { primaryManager to } } pageInfo { hasNextPage } } } }
				  }
				}""").variable("size", size).execute();
		response.path("clients.edges").entityList(Object.class).hasSize(size);
		response.path("clients.edges[*].node.assignmentHistory.pageInfo.hasNextPage").entityList(Boolean.class)
			.satisfies(hasNext -> assertThat(hasNext).contains(true));
		return this.commands.dataCommands();
	}

	private static AssignmentHistoryEntry entry(String clientId, long version, String primary, String previous,
			Instant from) {
		return new AssignmentHistoryEntry("%010d-%s".formatted(version, clientId), clientId, primary, List.of(),
				new AssignmentSnapshot(previous, List.of()), from, "lead_sun", "fixture", version);
	}

	private void assign(String clientId, String primary, List<String> coManagers, int expectedVersion,
			String reason) {
		as(this.graphQlTester, "lead_sun").document(AssignClientTests.ASSIGN)
			.variable("input", Map.of("clientId", clientId, "primaryManager", primary, "coManagers", coManagers,
					"reason", reason, "expectedVersion", expectedVersion))
			.execute()
			.path("assignClient.errors")
			.entityList(Object.class)
			.hasSize(0);
	}

	private GraphQlTester.Response history(String user, String clientId, int first, String after) {
		GraphQlTester.Request<?> request = as(this.graphQlTester, user).document(HISTORY)
			.variable("id", clientId)
			.variable("first", first);
		if (after != null) {
			request = request.variable("after", after);
		}
		return request.execute();
	}

}
