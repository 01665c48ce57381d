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
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static com.corpbank.portal.contact.ContactTestData.UPDATE;
import static com.corpbank.portal.support.Testers.as;
import static com.corpbank.portal.support.Testers.withToken;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attempts to reach contacts of clients outside the caller's scope: another RM's contact id, aliases, nested lists
 * as every demo role, and a second role that widens reading but not writing.
 */
@PortalTest
class ContactScopeTests {

	private static final String NESTED = """
			{
			  clients(first: 100) { edges { node { id contacts { id clientId mobile masked } } } }
			}""";

	@Autowired
	HttpGraphQlTester graphQlTester;

	@Autowired
	MongoTemplate mongoTemplate;

	@BeforeEach
	void loadBook() {
		new ClientBookFixture(this.mongoTemplate).load();
		for (String clientId : ClientBookFixture.ALL) {
			ContactTestData.store(this.mongoTemplate, ContactTestData.contact("CT-" + clientId, clientId));
		}
	}

	@Test
	void anotherRmsContactIdAnswersExactlyLikeAnUnknownId() {
		Map<String, Object> colleagues = rename("rm_li", "CT-C-ZHANG-1").returnResponse().toMap();
		Map<String, Object> unknown = rename("rm_li", "CT-UNKNOWN").returnResponse().toMap();
		assertThat(colleagues).isEqualTo(unknown);
		assertThat(colleagues.toString()).contains("NOT_FOUND").doesNotContain("C-ZHANG-1");
		assertUnchanged();
	}

	@Test
	void aliasedMutationsChangeOnlyTheCallersOwnContacts() {
		GraphQlTester.Response response = as(this.graphQlTester, "rm_li").document("""
				mutation {
				  own: updateContact(input: {contactId: "CT-C-LI-1", name: "own", reason: "r", expectedVersion: 0}) {
				    contact { name } errors { code }
				  }
				  coManaged: updateContact(input: {contactId: "CT-C-WANG-2", name: "co", reason: "r", expectedVersion: 0}) {
				    contact { name } errors { code }
				  }
				  colleague: updateContact(input: {contactId: "CT-C-ZHANG-1", name: "x", reason: "r", expectedVersion: 0}) {
				    contact { name } errors { code }
				  }
				  otherBranch: removeContact(input: {contactId: "CT-C-ZHAO-1", reason: "r", expectedVersion: 0}) {
				    removedContactId errors { code }
				  }
				  addElsewhere: addContact(input: {clientId: "C-WANG-1", name: "x", mobile: "13812345678"}) {
				    contact { id } errors { code }
				  }
				}""").execute();
		response.path("own.contact.name").entity(String.class).isEqualTo("own")
			.path("coManaged.contact.name").entity(String.class).isEqualTo("co")
			.path("colleague.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND")
			.path("otherBranch.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND")
			.path("addElsewhere.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
		assertThat(this.mongoTemplate.count(new Query(), "audit_events")).isEqualTo(2);
		assertThat(this.mongoTemplate.count(new Query(), "contacts")).isEqualTo(ClientBookFixture.ALL.size());
	}

	@Test
	void nestedListsShowEachRoleOnlyItsScopeInItsView() {
		expectNested("rm_li", List.of("C-LI-1", "C-LI-2", "C-WANG-2"), false);
		expectNested("rm_wang", List.of("C-LI-2", "C-WANG-1", "C-WANG-2"), false);
		expectNested("rm_zhang", List.of("C-ZHANG-1"), false);
		expectNested("rm_xu", List.of("C-XU-1", "C-XU-2", "C-ZHAO-2"), false);
		expectNested("rm_zhao", List.of("C-ZHAO-1", "C-ZHAO-2"), false);
		expectNested("rm_liu", List.of(), false);
		expectNested("lead_sun", List.of("C-LI-1", "C-LI-2", "C-ZHANG-1", "C-WANG-2"), true);
		expectNested("mgr_chen", List.of("C-LI-1", "C-LI-2", "C-ZHANG-1", "C-WANG-1", "C-WANG-2", "C-XU-1", "C-XU-2",
				"C-ZHAO-2"), true);
		expectNested("analyst_wu", ClientBookFixture.ALL, true);
		expectNested("risk_zhou", List.of(), false);
		expectNested("admin", List.of(), false);
		expectNested("auditor_qian", List.of(), false);
	}

	@Test
	void aliasedAndNestedReadsDoNotWidenAnRmsView() {
		as(this.graphQlTester, "rm_li").document("""
				{
				  a: clients(first: 5) { edges { node { contacts { id } } } }
				  b: client(id: "C-ZHAO-1") { contacts { id mobile } }
				  c: client(id: "C-LI-1") { x: contacts { id } y: contacts { mobile masked } }
				}""")
			.execute()
			.path("a.edges[*].node.contacts[*].id").entityList(String.class)
			.satisfies(ids -> assertThat(ids).containsExactlyInAnyOrder("CT-C-LI-1", "CT-C-LI-2", "CT-C-WANG-2"))
			.path("b").valueIsNull()
			.path("c.x[0].id").entity(String.class).isEqualTo("CT-C-LI-1")
			.path("c.y[0].masked").entity(Boolean.class).isEqualTo(false);
	}

	@Test
	void aSecondRoleThatWidensReadingDoesNotWidenWriting() {
		HttpGraphQlTester rmAndRisk = withToken(this.graphQlTester, TestIdentityProvider.get()
			.token("rm_li", claims -> claims.claim("realm_access", Map.of("roles", List.of("RM", "RISK_OFFICER")))));
		rmAndRisk.document(UPDATE)
			.variable("input", Map.of("contactId", "CT-C-ZHAO-1", "name", "x", "reason", "r", "expectedVersion", 0))
			.execute()
			.path("updateContact.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
		HttpGraphQlTester leadAndAnalyst = withToken(this.graphQlTester, TestIdentityProvider.get()
			.token("lead_sun",
					claims -> claims.claim("realm_access", Map.of("roles", List.of("TEAM_LEAD", "HEAD_OFFICE_ANALYST")))));
		leadAndAnalyst.document(ContactTestData.REVEAL)
			.variable("input", Map.of("contactId", "CT-C-ZHAO-1", "purpose", "p"))
			.execute()
			.path("revealContact.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
		assertUnchanged();
	}

	private void expectNested(String user, List<String> clientIds, boolean masked) {
		GraphQlTester.Response response = as(this.graphQlTester, user).document(NESTED).execute();
		List<String> expectedContacts = clientIds.stream().map(id -> "CT-" + id).toList();
		response.path("clients.edges[*].node.contacts[*].id").entityList(String.class)
			.satisfies(ids -> assertThat(ids).as(user).containsExactlyInAnyOrderElementsOf(expectedContacts));
		if (!clientIds.isEmpty()) {
			response.path("clients.edges[*].node.contacts[*].masked").entityList(Boolean.class)
				.satisfies(flags -> assertThat(flags).as(user).containsOnly(masked));
		}
	}

	private GraphQlTester.Response rename(String user, String contactId) {
		return as(this.graphQlTester, user).document(UPDATE)
			.variable("input", Map.of("contactId", contactId, "name", "x", "reason", "r", "expectedVersion", 0))
			.execute();
	}

	private void assertUnchanged() {
		assertThat(this.mongoTemplate.count(new Query(), "audit_events")).isZero();
		assertThat(this.mongoTemplate.findAll(Contact.class)).allSatisfy(contact -> assertThat(contact.version()).isZero());
	}

}
