package com.corpbank.portal.assignment;

import java.util.List;
import java.util.Map;

import com.corpbank.portal.support.ClientBookFixture;
import com.corpbank.portal.support.PortalTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static com.corpbank.portal.support.Testers.as;
import static com.corpbank.portal.support.Testers.visibleClientIds;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A handover ends the old RM's access in the write that makes it, and opens the new RM's at once. Every caller reads
 * the client first, so their scope is in {@code CallerScopes}' cache when the handover happens: the cached value is
 * criteria on the caller's own name and unit, evaluated inside each query against the client as it is now, so no
 * cache flush is needed.
 */
@PortalTest
class HandoverRevocationTests {

	private static final String EVERY_PATH = """
			query($id: ID!) {
			  a: client(id: $id) { id name }
			  b: client(id: $id) { assignmentHistory(first: 5) { edges { node { primaryManager } } } riskHistory(first: 5) { edges { node { reason } } } }
			  c: clients(first: 50) { totalCount edges { node { id } } }
			  d: clients(first: 50, filter: { managerUsername: "rm_li" }) { totalCount edges { node { id } } }
			  e: clients(first: 5, filter: { nameContains: "东方精密" }) { totalCount edges { node { id assignmentHistory(first: 5) { edges { node { id } } } } } }
			}""";

	@Autowired
	HttpGraphQlTester graphQlTester;

	@Autowired
	MongoTemplate mongoTemplate;

	@BeforeEach
	void loadBook() {
		new ClientBookFixture(this.mongoTemplate).load();
	}

	@Test
	void oldRmLosesTheClientEverywhereAtOnceAndNewRmGainsIt() {
		// Before: rm_li serves C-LI-1 and reaches it by every path; rm_zhang by none.
		GraphQlTester.Response before = everyPath("rm_li", "C-LI-1");
		before.path("a.id").entity(String.class).isEqualTo("C-LI-1");
		before.path("e.totalCount").entity(Integer.class).isEqualTo(1);
		assertThat(visibleClientIds(this.graphQlTester, "rm_zhang")).doesNotContain("C-LI-1");

		assign("lead_sun", "C-LI-1", "rm_zhang", List.of(), 0).path("assignClient.errors")
			.entityList(Object.class)
			.hasSize(0);

		GraphQlTester.Response after = everyPath("rm_li", "C-LI-1");
		after.path("a").valueIsNull();
		after.path("b").valueIsNull();
		after.path("c.edges[*].node.id").entityList(String.class).doesNotContain("C-LI-1");
		after.path("d.edges[*].node.id").entityList(String.class).doesNotContain("C-LI-1");
		after.path("e.totalCount").entity(Integer.class).isEqualTo(0);
		after.path("e.edges").entityList(Object.class).hasSize(0);

		GraphQlTester.Response gained = everyPath("rm_zhang", "C-LI-1");
		gained.path("a.id").entity(String.class).isEqualTo("C-LI-1");
		gained.path("b.assignmentHistory.edges[0].node.primaryManager").entity(String.class).isEqualTo("rm_zhang");
		gained.path("c.edges[*].node.id").entityList(String.class).contains("C-LI-1");
		gained.path("e.totalCount").entity(Integer.class).isEqualTo(1);
	}

	@Test
	void removedCoRmLosesTheClientWhileThePrimaryKeepsIt() {
		// C-LI-2: rm_li primary, rm_wang (SH-PD-T2) co; the branch manager's unit covers both teams.
		assertThat(visibleClientIds(this.graphQlTester, "rm_wang")).contains("C-LI-2");
		assign("mgr_chen", "C-LI-2", "rm_li", List.of(), 0).path("assignClient.errors")
			.entityList(Object.class)
			.hasSize(0);
		assertThat(visibleClientIds(this.graphQlTester, "rm_wang")).doesNotContain("C-LI-2");
		everyPath("rm_wang", "C-LI-2").path("a").valueIsNull().path("b").valueIsNull();
		assertThat(visibleClientIds(this.graphQlTester, "rm_li")).contains("C-LI-2");
	}

	@Test
	void aTeamLeadWhoseTeamIsHandedOutLosesTheClientAndTheirNextMutationOnItIsNotFound() {
		// The branch manager moves C-LI-1 from lead_sun's team (rm_li) to SH-PD-T2 (rm_wang).
		assertThat(visibleClientIds(this.graphQlTester, "lead_sun")).contains("C-LI-1");
		assign("mgr_chen", "C-LI-1", "rm_wang", List.of(), 0).path("assignClient.errors")
			.entityList(Object.class)
			.hasSize(0);

		everyPath("lead_sun", "C-LI-1").path("a").valueIsNull().path("b").valueIsNull();
		assertThat(visibleClientIds(this.graphQlTester, "lead_sun")).doesNotContain("C-LI-1");
		GraphQlTester.Response retry = assign("lead_sun", "C-LI-1", "rm_li", List.of(), 1);
		retry.path("assignClient.errors[*].code").entityList(String.class).containsExactly("NOT_FOUND");
		retry.path("assignClient.errors[0].message").entity(String.class)
			.isEqualTo("No client with this id is in your book.");
	}

	private GraphQlTester.Response everyPath(String user, String clientId) {
		return as(this.graphQlTester, user).document(EVERY_PATH).variable("id", clientId).execute();
	}

	private GraphQlTester.Response assign(String user, String clientId, String primary, List<String> coManagers,
			int expectedVersion) {
		return as(this.graphQlTester, user).document(AssignClientTests.ASSIGN)
			.variable("input", Map.of("clientId", clientId, "primaryManager", primary, "coManagers", coManagers,
					"reason", "handover", "expectedVersion", expectedVersion))
			.execute();
	}

}
