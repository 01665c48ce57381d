package com.corpbank.portal.client;

import java.util.List;

import com.corpbank.portal.access.PersonalDataPolicy;
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

/**
 * {@code Client.legalRepresentative} per role (PersonalDataPolicy): the client's own RMs see the ID number in full,
 * leads and analysts masked, risk officers nothing; and the field costs the same commands whatever the page size.
 */
@PortalTest
class LegalRepresentativeTests {

	private static final String ONE = "query($id: ID!) { client(id: $id) { legalRepresentative { name idNumber } } }";

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
	void theClientsOwnRmsSeeTheIdNumberInFullPrimaryOrCo() {
		assertIdNumber("rm_li", "C-LI-1", full("C-LI-1"));
		assertIdNumber("rm_li", "C-WANG-2", full("C-WANG-2"));
		assertIdNumber("rm_wang", "C-LI-2", full("C-LI-2"));
		assertIdNumber("rm_xu", "C-ZHAO-2", full("C-ZHAO-2"));
	}

	@Test
	void leadsAndAnalystsSeeItMasked() {
		assertIdNumber("lead_sun", "C-LI-1", masked("C-LI-1"));
		assertIdNumber("mgr_chen", "C-XU-1", masked("C-XU-1"));
		assertIdNumber("analyst_wu", "C-ZHAO-1", masked("C-ZHAO-1"));
		assertThat(masked("C-LI-1")).matches("110\\*{11}\\d{3}[0-9X]");
		as(this.graphQlTester, "lead_sun").document(ONE).variable("id", "C-LI-1").execute()
			.path("client.legalRepresentative.name").entity(String.class).isEqualTo("法人C-LI-1");
	}

	@Test
	void riskOfficersSeeNoLegalRepresentative() {
		as(this.graphQlTester, "risk_zhou").document(ONE).variable("id", "C-LI-1").execute()
			.path("client.legalRepresentative").valueIsNull();
	}

	@Test
	void inAListEachRowFollowsTheCallersRelationToThatClient() {
		// rm_wang serves C-WANG-1 and C-WANG-2 as primary and C-LI-2 as co-RM: all in full.
		List<String> idNumbers = as(this.graphQlTester, "rm_wang").document("""
				{ clients(first: 20) { edges { node { id legalRepresentative { idNumber } } } } }""")
			.execute()
			.path("clients.edges[*].node.legalRepresentative.idNumber").entityList(String.class).get();
		assertThat(idNumbers).containsExactlyInAnyOrder(full("C-LI-2"), full("C-WANG-1"), full("C-WANG-2"));
		// lead_sun sees the team's clients, all masked (a lead is no RM of any of them).
		List<String> forLead = as(this.graphQlTester, "lead_sun").document("""
				{ clients(first: 100) { edges { node { legalRepresentative { idNumber } } } } }""")
			.execute()
			.path("clients.edges[*].node.legalRepresentative.idNumber").entityList(String.class).get();
		assertThat(forLead).isNotEmpty().allMatch(idNumber -> idNumber.contains("***********"));
	}

	@Test
	void aPageOfFiftyCostsTheSameCommandsAsAPageOfTenForEveryRole() {
		for (String user : List.of("rm_li", "lead_sun", "analyst_wu")) {
			// The caller's row scope is cached for a while: resolve it first, so both counts see the same cache.
			commandsForPage(user, 1);
			List<String> forTen = commandsForPage(user, 10);
			List<String> forFifty = commandsForPage(user, 50);
			assertThat(forFifty).as(user).containsExactlyInAnyOrderElementsOf(forTen);
			// The page, plus one bound-RM lookup for an RM (the PersonalDataPolicy view), whatever the page size.
			assertThat(forTen).as(user).hasSize(user.startsWith("rm_") ? 2 : 1);
		}
	}

	private List<String> commandsForPage(String user, int size) {
		HttpGraphQlTester tester = as(this.graphQlTester, user);
		this.commands.reset();
		tester.document("""
				query($first: Int) {
				  clients(first: $first, orderBy: { field: NAME }) {
				    edges { node { id adminDivision registeredAddress foundedOn employees legalRepresentative { name idNumber } } }
				  }
				}""").variable("first", size).execute().path("clients.edges").entityList(Object.class).hasSize(size);
		return this.commands.dataCommands();
	}

	private void assertIdNumber(String user, String clientId, String expected) {
		as(this.graphQlTester, user).document(ONE).variable("id", clientId).execute()
			.path("client.legalRepresentative.idNumber").entity(String.class).isEqualTo(expected);
	}

	private static String full(String clientId) {
		return ClientBookFixture.legalRepresentativeIdNumber(clientId);
	}

	private static String masked(String clientId) {
		return PersonalDataPolicy.maskIdNumber(full(clientId));
	}

}
