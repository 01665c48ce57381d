package com.corpbank.portal.client;

import java.util.List;

import com.corpbank.portal.support.ClientBookFixture;
import com.corpbank.portal.support.PortalTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static com.corpbank.portal.support.Testers.as;
import static com.corpbank.portal.support.Testers.visibleClientIds;
import static org.assertj.core.api.Assertions.assertThat;

/** What each role sees of the client book (see {@link ClientBookFixture} for who serves whom). */
@PortalTest
class ClientScopeTests {

	@Autowired
	HttpGraphQlTester graphQlTester;

	@Autowired
	MongoTemplate mongoTemplate;

	@BeforeEach
	void loadBook() {
		new ClientBookFixture(this.mongoTemplate).load();
	}

	@Test
	void rmSeesClientsWhereTheyArePrimaryOrCoManager() {
		assertThat(visibleClientIds(this.graphQlTester, "rm_li")).containsExactlyInAnyOrder("C-LI-1", "C-LI-2",
				"C-WANG-2");
		assertThat(visibleClientIds(this.graphQlTester, "rm_wang")).containsExactlyInAnyOrder("C-WANG-1", "C-WANG-2",
				"C-LI-2");
		assertThat(visibleClientIds(this.graphQlTester, "rm_xu")).containsExactlyInAnyOrder("C-XU-1", "C-XU-2",
				"C-ZHAO-2");
	}

	@Test
	void teamLeadSeesEveryClientServedByTheirTeam() {
		assertThat(visibleClientIds(this.graphQlTester, "lead_sun")).containsExactlyInAnyOrder("C-LI-1", "C-LI-2",
				"C-ZHANG-1", "C-WANG-2");
	}

	@Test
	void branchManagerSeesTheirBranchSubtreeOnly() {
		assertThat(visibleClientIds(this.graphQlTester, "mgr_chen")).containsExactlyInAnyOrder("C-LI-1", "C-LI-2",
				"C-ZHANG-1", "C-WANG-1", "C-WANG-2", "C-XU-1", "C-XU-2", "C-ZHAO-2");
	}

	@Test
	void riskOfficerAndAnalystSeeEveryClient() {
		assertThat(visibleClientIds(this.graphQlTester, "risk_zhou"))
			.containsExactlyInAnyOrderElementsOf(ClientBookFixture.ALL);
		assertThat(visibleClientIds(this.graphQlTester, "analyst_wu"))
			.containsExactlyInAnyOrderElementsOf(ClientBookFixture.ALL);
	}

	@Test
	void adminAuditorAndRolelessUsersSeeNoClients() {
		for (String username : List.of("admin", "auditor_qian", "nobody")) {
			as(this.graphQlTester, username).documentName("clientIds")
				.execute()
				.path("clients.totalCount").entity(Integer.class).isEqualTo(0)
				.path("clients.edges").entityList(Object.class).hasSize(0)
				.path("clients.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
			as(this.graphQlTester, username).documentName("clientDetail")
				.variable("id", "C-LI-1")
				.execute()
				.path("client").valueIsNull();
		}
	}

	@Test
	void severalRolesSeeTheUnionOfTheirScopes() {
		// lead_rm_wang is RM (own clients) and TEAM_LEAD of SH-PD-T2.
		assertThat(visibleClientIds(this.graphQlTester, "lead_rm_wang")).containsExactlyInAnyOrder("C-WANG-1",
				"C-WANG-2", "C-LI-2");
	}

	@ParameterizedTest
	@CsvSource({ "rm_li,3", "rm_wang,3", "lead_sun,4", "mgr_chen,8", "mgr_he,9", "risk_zhou,9", "analyst_wu,9", "admin,0" })
	void totalCountCountsOnlyTheCallersScope(String username, int expected) {
		as(this.graphQlTester, username).documentName("clientIds")
			.variable("first", 1)
			.execute()
			.path("clients.totalCount").entity(Integer.class).isEqualTo(expected);
	}

	@Test
	void clientLookupAnswersInScopeAndHidesTheRest() {
		as(this.graphQlTester, "rm_li").documentName("clientDetail")
			.variable("id", "C-WANG-2")
			.execute()
			.path("client.id").entity(String.class).isEqualTo("C-WANG-2")
			.path("client.coManagers[*].username").entityList(String.class).containsExactly("rm_li");
		as(this.graphQlTester, "mgr_chen").documentName("clientDetail")
			.variable("id", "C-ZHAO-1")
			.execute()
			.path("client").valueIsNull();
	}

}
