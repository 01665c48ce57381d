package com.corpbank.portal.churn;

import java.time.Instant;
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

import static com.corpbank.portal.churn.ChurnTestData.JOB;
import static com.corpbank.portal.churn.ChurnTestData.allSignals;
import static com.corpbank.portal.churn.ChurnTestData.overdue;
import static com.corpbank.portal.support.Testers.as;
import static com.corpbank.portal.support.Testers.visibleClientIds;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who sees which churn alerts: exactly the alerts of the clients in their book, by every path (the list, its filter,
 * aliases, {@code Client.churnAlerts}, {@code ChurnAlert.client}), and after a handover the old RM sees none of the
 * client's alerts.
 */
@PortalTest
class ChurnAlertScopeTests {

	/** Alerted clients, opened a minute apart in this order (so newest first is the reverse). */
	static final List<String> ALERTED = List.of("C-ZHAO-1", "C-XU-1", "C-WANG-1", "C-WANG-2", "C-ZHANG-1", "C-LI-2",
			"C-LI-1");

	static final List<String> NEWEST_FIRST = List.of("C-LI-1", "C-LI-2", "C-ZHANG-1", "C-WANG-2", "C-WANG-1", "C-XU-1",
			"C-ZHAO-1");

	static final String LIST = """
			query($filter: ChurnAlertFilter, $first: Int, $after: String) {
			  churnAlerts(filter: $filter, first: $first, after: $after) {
			    totalCount
			    edges { cursor node { id clientId status client { id } signals { code value threshold detail } } }
			    pageInfo { hasNextPage endCursor }
			  }
			}""";

	@Autowired
	HttpGraphQlTester graphQlTester;

	@Autowired
	MongoTemplate mongoTemplate;

	@Autowired
	ChurnWatch watch;

	@BeforeEach
	void openAlerts() {
		new ClientBookFixture(this.mongoTemplate).load();
		Instant at = Instant.parse("2026-11-20T01:00:00Z");
		for (String clientId : ALERTED) {
			ChurnInputs inputs = clientId.equals("C-LI-1") ? allSignals(clientId) : overdue(clientId, 10);
			this.watch.evaluate(List.of(inputs), JOB, at);
			at = at.plusSeconds(60);
		}
	}

	@Test
	void rmLiSeesTheAlertsOfHerOwnAndCoServedClientsOnlyNewestFirst() {
		list("rm_li", Map.of()).path("churnAlerts.edges[*].node.clientId").entityList(String.class)
			.containsExactly("C-LI-1", "C-LI-2", "C-WANG-2")
			.path("churnAlerts.edges[*].node.client.id").entityList(String.class)
			.containsExactly("C-LI-1", "C-LI-2", "C-WANG-2")
			.path("churnAlerts.totalCount").entity(Integer.class).isEqualTo(3);
	}

	@Test
	void everyRoleSeesTheAlertsOfExactlyTheClientsOfItsBook() {
		for (String user : List.of("rm_li", "rm_zhang", "rm_wang", "rm_xu", "rm_zhao", "rm_liu", "lead_sun",
				"mgr_chen", "risk_zhou")) {
			List<String> book = visibleClientIds(this.graphQlTester, user);
			List<String> expected = NEWEST_FIRST.stream().filter(book::contains).toList();
			list(user, Map.of()).path("churnAlerts.edges[*].node.clientId").entityList(String.class)
				.satisfies(seen -> assertThat(seen).as(user).containsExactlyElementsOf(expected))
				.path("churnAlerts.totalCount").entity(Integer.class)
				.satisfies(total -> assertThat(total).as(user).isEqualTo(expected.size()));
		}
		// The branch manager of Shanghai: every Shanghai client, not the Beijing one.
		list("mgr_chen", Map.of()).path("churnAlerts.edges[*].node.clientId").entityList(String.class)
			.containsExactly("C-LI-1", "C-LI-2", "C-ZHANG-1", "C-WANG-2", "C-WANG-1", "C-XU-1");
		list("risk_zhou", Map.of()).path("churnAlerts.totalCount").entity(Integer.class).isEqualTo(ALERTED.size());
	}

	@Test
	void rolesWithoutChurnAlertsAreForbiddenAndAnalystsSeeClientsWithoutAlerts() {
		for (String user : List.of("analyst_wu", "admin", "auditor_qian")) {
			as(this.graphQlTester, user).document(LIST).execute().errors().satisfy(errors -> assertThat(errors)
				.singleElement()
				.satisfies(error -> assertThat(error.getExtensions()).containsEntry("classification", "FORBIDDEN")));
		}
		as(this.graphQlTester, "analyst_wu").document("{ client(id: \"C-LI-1\") { id churnAlerts { id } } }")
			.execute()
			.path("client.id").entity(String.class).isEqualTo("C-LI-1")
			.path("client.churnAlerts").entityList(Object.class).hasSize(0);
	}

	@Test
	void anotherRmsClientIsEmptyByFilterAliasAndNestedPath() {
		GraphQlTester.Response response = as(this.graphQlTester, "rm_li").document("""
				{
				  a: churnAlerts(filter: { clientId: "C-ZHANG-1" }) { totalCount edges { node { id } } }
				  b: churnAlerts(filter: { clientId: "C-LI-1" }) { totalCount edges { node { id client { churnAlerts { clientId } } } } }
				  c: client(id: "C-ZHANG-1") { churnAlerts { id } }
				  d: clients(first: 50) { edges { node { id churnAlerts { clientId client { id } } } } }
				}""").execute();
		response.path("a.totalCount").entity(Integer.class).isEqualTo(0)
			.path("a.edges").entityList(Object.class).hasSize(0)
			.path("b.totalCount").entity(Integer.class).isEqualTo(1)
			.path("b.edges[0].node.client.churnAlerts[*].clientId").entityList(String.class).containsExactly("C-LI-1")
			.path("c").valueIsNull()
			.path("d.edges[*].node.churnAlerts[*].clientId").entityList(String.class)
			.satisfies(ids -> assertThat(ids).containsExactlyInAnyOrder("C-LI-1", "C-LI-2", "C-WANG-2"));
	}

	@Test
	void afterAHandoverTheOldRmNoLongerSeesTheClientsAlertsAndTheNewOneDoes() {
		assertThat(alertClients("rm_li")).contains("C-LI-1");
		assertThat(alertClients("rm_zhang")).doesNotContain("C-LI-1");

		as(this.graphQlTester, "lead_sun").document("""
				mutation($input: AssignClientInput!) { assignClient(input: $input) { errors { code } } }""")
			.variable("input", Map.of("clientId", "C-LI-1", "primaryManager", "rm_zhang", "coManagers", List.of(),
					"reason", "handover", "expectedVersion", 0))
			.execute()
			.path("assignClient.errors").entityList(Object.class).hasSize(0);

		assertThat(alertClients("rm_li")).containsExactly("C-LI-2", "C-WANG-2");
		assertThat(alertClients("rm_zhang")).contains("C-LI-1");
		String alertId = list("rm_zhang", Map.of("filter", Map.of("clientId", "C-LI-1")))
			.path("churnAlerts.edges[0].node.id").entity(String.class).get();
		as(this.graphQlTester, "rm_li").document("""
				mutation($input: AcknowledgeChurnAlertInput!) { acknowledgeChurnAlert(input: $input) { errors { code } } }""")
			.variable("input", Map.of("alertId", alertId, "expectedVersion", 0))
			.execute()
			.path("acknowledgeChurnAlert.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
	}

	@Test
	void theFilterSelectsByStatusSignalClientAndOpeningDay() {
		assertThat(clientsOf("risk_zhou", Map.of("signal", "DEPOSITS_FALLING"))).containsExactly("C-LI-1");
		assertThat(clientsOf("risk_zhou", Map.of("status", List.of("ACKNOWLEDGED", "CLOSED")))).isEmpty();
		assertThat(clientsOf("risk_zhou", Map.of("status", List.of("OPEN"), "clientId", "C-XU-1")))
			.containsExactly("C-XU-1");
		// Opened 2026-11-20 09:00 Beijing time and later: that day is in, the next day and the one before are out.
		assertThat(clientsOf("risk_zhou", Map.of("openedFrom", "2026-11-20", "openedTo", "2026-11-20")))
			.hasSize(ALERTED.size());
		assertThat(clientsOf("risk_zhou", Map.of("openedFrom", "2026-11-21"))).isEmpty();
		assertThat(clientsOf("risk_zhou", Map.of("openedTo", "2026-11-19"))).isEmpty();
	}

	@Test
	void pagesFollowOneAnotherWithoutGapsOrRepeats() {
		GraphQlTester.Response first = list("risk_zhou", Map.of("first", 4));
		first.path("churnAlerts.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true)
			.path("churnAlerts.totalCount").entity(Integer.class).isEqualTo(7);
		String cursor = first.path("churnAlerts.pageInfo.endCursor").entity(String.class).get();
		GraphQlTester.Response second = list("risk_zhou", Map.of("first", 4, "after", cursor));
		second.path("churnAlerts.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
		List<String> seen = new java.util.ArrayList<>(
				first.path("churnAlerts.edges[*].node.clientId").entityList(String.class).get());
		seen.addAll(second.path("churnAlerts.edges[*].node.clientId").entityList(String.class).get());
		assertThat(seen).containsExactlyElementsOf(NEWEST_FIRST);
	}

	@Test
	void aBadPageSizeCursorOrClientIdIsABadRequest() {
		for (Map<String, Object> variables : List.<Map<String, Object>>of(Map.of("first", 101), Map.of("first", -1),
				Map.of("after", "bm90LWEtY3Vyc29y"), Map.of("filter", Map.of("clientId", "{\"$gt\":\"\"}")),
				Map.of("filter", Map.of("openedFrom", "2026-11-21", "openedTo", "2026-11-20")))) {
			as(this.graphQlTester, "rm_li").document(LIST).variables(variables).execute().errors()
				.satisfy(errors -> assertThat(errors).as(variables.toString())
					.singleElement()
					.satisfies(error -> {
						assertThat(error.getExtensions()).containsEntry("classification", "BAD_REQUEST");
						assertThat(error.getMessage()).doesNotContain("Exception", "mongo");
					}));
		}
	}

	@Test
	void aClientsAlertsCanBeFilteredByStatus() {
		String alertId = list("rm_li", Map.of("filter", Map.of("clientId", "C-LI-1")))
			.path("churnAlerts.edges[0].node.id").entity(String.class).get();
		as(this.graphQlTester, "rm_li").document("""
				mutation($input: CloseChurnAlertInput!) { closeChurnAlert(input: $input) { errors { code } } }""")
			.variable("input", Map.of("alertId", alertId, "note", "handled", "expectedVersion", 0))
			.execute()
			.path("closeChurnAlert.errors").entityList(Object.class).hasSize(0);

		as(this.graphQlTester, "rm_li").document("""
				{ client(id: "C-LI-1") {
				    open: churnAlerts(status: [OPEN, ACKNOWLEDGED, ACTIONED]) { id }
				    closed: churnAlerts(status: [CLOSED]) { id status }
				    all: churnAlerts { id }
				} }""")
			.execute()
			.path("client.open").entityList(Object.class).hasSize(0)
			.path("client.closed[0].id").entity(String.class).isEqualTo(alertId)
			.path("client.all").entityList(Object.class).hasSize(1);
	}

	private GraphQlTester.Response list(String user, Map<String, Object> variables) {
		return as(this.graphQlTester, user).document(LIST).variables(variables).execute();
	}

	private List<String> alertClients(String user) {
		return list(user, Map.of()).path("churnAlerts.edges[*].node.clientId").entityList(String.class).get();
	}

	private List<String> clientsOf(String user, Map<String, Object> filter) {
		return list(user, Map.of("filter", filter)).path("churnAlerts.edges[*].node.clientId")
			.entityList(String.class)
			.get();
	}

}
