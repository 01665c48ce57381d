package com.corpbank.portal.contact;

import java.util.List;
import java.util.Map;

import com.corpbank.portal.support.ClientBookFixture;
import com.corpbank.portal.support.PortalTest;
import com.corpbank.portal.support.TestIdentityProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static com.corpbank.portal.contact.ContactTestData.CLIENT_CONTACTS;
import static com.corpbank.portal.contact.ContactTestData.EMAIL;
import static com.corpbank.portal.contact.ContactTestData.EMAIL_MASKED;
import static com.corpbank.portal.contact.ContactTestData.ID_NUMBER;
import static com.corpbank.portal.contact.ContactTestData.ID_NUMBER_MASKED;
import static com.corpbank.portal.contact.ContactTestData.MOBILE;
import static com.corpbank.portal.contact.ContactTestData.MOBILE_MASKED;
import static com.corpbank.portal.support.Testers.as;
import static com.corpbank.portal.support.Testers.withToken;

/** Client.contacts as each demo role sees it: own RMs in full, leads and analysts masked, risk officers none. */
@PortalTest
class ContactMaskingTests {

	@Autowired
	HttpGraphQlTester graphQlTester;

	@Autowired
	MongoTemplate mongoTemplate;

	@BeforeEach
	void loadBook() {
		new ClientBookFixture(this.mongoTemplate).load();
		ContactTestData.store(this.mongoTemplate, ContactTestData.contact("CT-LI-1", "C-LI-1"),
				ContactTestData.bareContact("CT-LI-1-B", "C-LI-1"), ContactTestData.contact("CT-WANG-2", "C-WANG-2"),
				ContactTestData.contact("CT-ZHAO-1", "C-ZHAO-1"));
	}

	@Test
	void primaryRmSeesTheirClientsContactsInFullOldestFirst() {
		GraphQlTester.Response response = contactsOf("rm_li", "C-LI-1");
		response.path("client.contacts[*].id").entityList(String.class).containsExactly("CT-LI-1", "CT-LI-1-B");
		assertFull(response, "client.contacts[0]");
		response.path("client.contacts[1].mobile").entity(String.class).isEqualTo("13900001111");
		response.path("client.contacts[1].email").valueIsNull();
		response.path("client.contacts[1].idNumber").valueIsNull();
	}

	@Test
	void coRmSeesTheClientsContactsInFull() {
		assertFull(contactsOf("rm_li", "C-WANG-2"), "client.contacts[0]");
		assertFull(contactsOf("rm_wang", "C-WANG-2"), "client.contacts[0]");
	}

	@Test
	void teamLeadSeesThemMasked() {
		GraphQlTester.Response response = contactsOf("lead_sun", "C-LI-1");
		assertMasked(response, "client.contacts[0]");
		response.path("client.contacts[1].mobile").entity(String.class).isEqualTo("139****1111");
		response.path("client.contacts[1].email").valueIsNull();
		assertMasked(contactsOf("lead_sun", "C-WANG-2"), "client.contacts[0]");
	}

	@Test
	void branchManagerSeesThemMasked() {
		assertMasked(contactsOf("mgr_chen", "C-LI-1"), "client.contacts[0]");
	}

	@Test
	void headOfficeAnalystSeesThemMaskedAcrossTheBank() {
		assertMasked(contactsOf("analyst_wu", "C-LI-1"), "client.contacts[0]");
		assertMasked(contactsOf("analyst_wu", "C-ZHAO-1"), "client.contacts[0]");
	}

	@Test
	void riskOfficerSeesTheClientButNoContacts() {
		contactsOf("risk_zhou", "C-LI-1").path("client.id").entity(String.class).isEqualTo("C-LI-1")
			.path("client.contacts").entityList(Object.class).hasSize(0);
	}

	@Test
	void adminAndAuditorSeeNoClientAtAll() {
		for (String user : List.of("admin", "auditor_qian")) {
			contactsOf(user, "C-LI-1").path("client").valueIsNull();
		}
	}

	@Test
	void anRmWhoIsAlsoARiskOfficerSeesOnlyTheirOwnClientsContacts() {
		HttpGraphQlTester rmAndRisk = withRoles("rm_li", "RM", "RISK_OFFICER");
		assertFull(rmAndRisk.document(CLIENT_CONTACTS).variable("id", "C-LI-1").execute(), "client.contacts[0]");
		rmAndRisk.document(CLIENT_CONTACTS).variable("id", "C-ZHAO-1").execute()
			.path("client.id").entity(String.class).isEqualTo("C-ZHAO-1")
			.path("client.contacts").entityList(Object.class).hasSize(0);
	}

	@Test
	void severalRolesGiveTheWidestView() {
		HttpGraphQlTester rmAndAnalyst = withRoles("rm_li", "RM", "HEAD_OFFICE_ANALYST");
		assertFull(rmAndAnalyst.document(CLIENT_CONTACTS).variable("id", "C-LI-1").execute(), "client.contacts[0]");
		assertMasked(rmAndAnalyst.document(CLIENT_CONTACTS).variable("id", "C-ZHAO-1").execute(),
				"client.contacts[0]");
	}

	@Test
	void riskOfficerWithoutAPortalReadRoleGetsAnEmptyListInEveryShape() {
		as(this.graphQlTester, "risk_zhou").document("""
				{
				  clients(first: 50) { edges { node { id contacts { id mobile } } } }
				  one: client(id: "C-LI-1") { contacts { mobile } }
				  two: client(id: "C-ZHAO-1") { c: contacts { idNumber } }
				}""")
			.execute()
			.path("clients.edges").entityList(Object.class).hasSize(ClientBookFixture.ALL.size())
			.path("clients.edges[*].node.contacts[*]").entityList(Object.class).hasSize(0)
			.path("one.contacts").entityList(Object.class).hasSize(0)
			.path("two.c").entityList(Object.class).hasSize(0);
	}

	private GraphQlTester.Response contactsOf(String user, String clientId) {
		return as(this.graphQlTester, user).document(CLIENT_CONTACTS).variable("id", clientId).execute();
	}

	private HttpGraphQlTester withRoles(String user, String... roles) {
		return withToken(this.graphQlTester, TestIdentityProvider.get()
			.token(user, claims -> claims.claim("realm_access", Map.of("roles", List.of(roles)))));
	}

	private static void assertFull(GraphQlTester.Response response, String contact) {
		response.path(contact + ".mobile").entity(String.class).isEqualTo(MOBILE)
			.path(contact + ".email").entity(String.class).isEqualTo(EMAIL)
			.path(contact + ".idNumber").entity(String.class).isEqualTo(ID_NUMBER)
			.path(contact + ".masked").entity(Boolean.class).isEqualTo(false);
	}

	private static void assertMasked(GraphQlTester.Response response, String contact) {
		response.path(contact + ".mobile").entity(String.class).isEqualTo(MOBILE_MASKED)
			.path(contact + ".email").entity(String.class).isEqualTo(EMAIL_MASKED)
			.path(contact + ".idNumber").entity(String.class).isEqualTo(ID_NUMBER_MASKED)
			.path(contact + ".masked").entity(Boolean.class).isEqualTo(true)
			.path(contact + ".name").entity(String.class).satisfies(name -> org.assertj.core.api.Assertions
				.assertThat(name).startsWith("张伟"));
	}

}
