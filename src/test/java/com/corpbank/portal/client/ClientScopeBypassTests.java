package com.corpbank.portal.client;

import java.util.Map;

import com.corpbank.portal.support.ClientBookFixture;
import com.corpbank.portal.support.PortalTest;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static com.corpbank.portal.support.Testers.as;
import static org.assertj.core.api.Assertions.assertThat;

/** Attempts to reach clients outside the caller's scope by every route the read API offers. */
@PortalTest
class ClientScopeBypassTests {

	@Autowired
	HttpGraphQlTester graphQlTester;

	@Autowired
	MongoTemplate mongoTemplate;

	@BeforeEach
	void loadBook() {
		new ClientBookFixture(this.mongoTemplate).load();
	}

	@Test
	void anotherRmsClientIdAnswersExactlyLikeAnUnknownId() {
		Map<String, Object> otherRmsClient = as(this.graphQlTester, "rm_li").documentName("clientDetail")
			.variable("id", "C-ZHAO-1")
			.execute()
			.returnResponse()
			.toMap();
		Map<String, Object> unknownClient = as(this.graphQlTester, "rm_li").documentName("clientDetail")
			.variable("id", "C-DOES-NOT-EXIST")
			.execute()
			.returnResponse()
			.toMap();
		assertThat(otherRmsClient).isEqualTo(unknownClient).doesNotContainKey("errors");
		assertThat(otherRmsClient.get("data")).asInstanceOf(InstanceOfAssertFactories.MAP).containsEntry("client", null);
	}

	@Test
	void aliasesPerClientOnlyResolveClientsInScope() {
		as(this.graphQlTester, "rm_li").document("""
				{
				  own: client(id: "C-LI-1") { id name }
				  coManaged: client(id: "C-WANG-2") { id }
				  sameTeamColleague: client(id: "C-ZHANG-1") { id }
				  otherTeam: client(id: "C-WANG-1") { id latestFinancials { revenue } }
				  otherBranch: client(id: "C-ZHAO-1") { id risk { rating } }
				}
				""")
			.execute()
			.path("own.id").entity(String.class).isEqualTo("C-LI-1")
			.path("coManaged.id").entity(String.class).isEqualTo("C-WANG-2")
			.path("sameTeamColleague").valueIsNull()
			.path("otherTeam").valueIsNull()
			.path("otherBranch").valueIsNull();
	}

	@Test
	void filteringByAnotherRmOnlyNarrowsTheCallersOwnScope() {
		// rm_li asks for rm_wang's clients: only those rm_li serves too (C-LI-2 co-RM'd by rm_wang, C-WANG-2).
		as(this.graphQlTester, "rm_li").documentName("clientIds")
			.variable("filter", Map.of("managerUsername", "rm_wang"))
			.execute()
			.path("clients.totalCount").entity(Integer.class).isEqualTo(2)
			.path("clients.edges[*].node.id").entityList(String.class).containsExactly("C-LI-2", "C-WANG-2");
		as(this.graphQlTester, "rm_li").documentName("clientIds")
			.variable("filter", Map.of("managerUsername", "rm_zhao"))
			.execute()
			.path("clients.totalCount").entity(Integer.class).isEqualTo(0)
			.path("clients.edges").entityList(Object.class).hasSize(0);
	}

	@Test
	void aliasedListsAndCountsStayInScope() {
		as(this.graphQlTester, "lead_sun").document("""
				{
				  all: clients(first: 100) { totalCount }
				  beijing: clients(first: 100, filter: { region: NORTH_CHINA }) { totalCount edges { node { id } } }
				  vip: clients(first: 100, filter: { tier: A }) { totalCount edges { node { id } } }
				}
				""")
			.execute()
			.path("all.totalCount").entity(Integer.class).isEqualTo(4)
			.path("beijing.totalCount").entity(Integer.class).isEqualTo(0)
			.path("vip.totalCount").entity(Integer.class).isEqualTo(2)
			.path("vip.edges[*].node.id").entityList(String.class).satisfies(ids -> assertThat(ids).containsExactlyInAnyOrder("C-LI-1", "C-WANG-2"));
	}

	@Test
	void nestedFieldsOfAnOutOfScopeClientAreNeverResolved() {
		as(this.graphQlTester, "rm_zhao").document("""
				{ client(id: "C-LI-1") { id latestFinancials { revenue } primaryManager { username } coManagers { username } } }
				""")
			.execute()
			.path("client").valueIsNull();
	}

	@Test
	void aCursorFromAWiderScopeDoesNotWidenTheNextPage() {
		// A risk officer's cursor handed to an RM: the next page is still the RM's own clients only.
		String cursor = as(this.graphQlTester, "risk_zhou").documentName("clientIds")
			.variable("first", 1)
			.execute()
			.path("clients.pageInfo.endCursor")
			.entity(String.class)
			.get();
		as(this.graphQlTester, "rm_li").documentName("clientIds")
			.variable("after", cursor)
			.execute()
			.path("clients.edges[*].node.id")
			.entityList(String.class)
			.satisfies(ids -> assertThat(ids).isSubsetOf("C-LI-1", "C-LI-2", "C-WANG-2"));
	}

}
