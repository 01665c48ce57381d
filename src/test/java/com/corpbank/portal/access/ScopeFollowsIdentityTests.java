package com.corpbank.portal.access;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import com.corpbank.portal.support.ClientBookFixture;
import com.corpbank.portal.support.PortalTest;
import com.corpbank.portal.support.TestIdentityProvider;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static com.corpbank.portal.support.Testers.clientIds;
import static com.corpbank.portal.support.Testers.withToken;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Row scope follows the person (the token's {@code sub}, bound to an RM record in the org directory), not a name
 * that can be reused, and an org unit grants only when the directory knows it at the role's level. Every refusal
 * here fails closed: the caller sees nothing, and no error tells them why.
 */
@PortalTest
class ScopeFollowsIdentityTests {

	private static final List<String> RM_LI_BOOK = List.of("C-LI-1", "C-LI-2", "C-WANG-2");

	@Autowired
	HttpGraphQlTester graphQlTester;

	@Autowired
	MongoTemplate mongoTemplate;

	@Autowired
	CallerScopes callerScopes;

	final TestIdentityProvider idp = TestIdentityProvider.get();

	@BeforeEach
	void loadBook() {
		new ClientBookFixture(this.mongoTemplate).load();
		this.callerScopes.forgetAll();
	}

	@AfterEach
	void forgetScopesOfThisTest() {
		// Bindings changed here must not linger in the shared context's cache.
		this.callerScopes.forgetAll();
	}

	@Test
	void renamedUserKeepsTheirClients() {
		assertThat(visible("rm_li", claims -> claims.claim("preferred_username", "li.ming")))
			.containsExactlyInAnyOrderElementsOf(RM_LI_BOOK);
	}

	@Test
	void recreatedUserWithTheOldUsernameSeesNothing() {
		String recreated = this.idp.token("rm_li", claims -> claims.subject(UUID.randomUUID().toString()));
		assertSeesNothing(recreated);
	}

	@Test
	void anotherRmsUsernameLendsNoClients() {
		// rm_zhao's person with rm_li's username: rm_zhao's book, not rm_li's.
		assertThat(visible("rm_zhao", claims -> claims.claim("preferred_username", "rm_li")))
			.containsExactlyInAnyOrder("C-ZHAO-1", "C-ZHAO-2");
	}

	@Test
	void rebindingTheRecordToTheRecreatedUserMovesTheClientsToThem() {
		String newId = UUID.randomUUID().toString();
		this.mongoTemplate.updateFirst(new Query(Criteria.where("_id").is("rm_li")),
				Update.update("keycloakUserId", newId), "managers");
		this.callerScopes.forgetAll();

		assertThat(visible("rm_li", claims -> claims.subject(newId))).containsExactlyInAnyOrderElementsOf(RM_LI_BOOK);
		assertSeesNothing(this.idp.token("rm_li"));
	}

	@Test
	void rmRecordBoundToNobodyServesNobody() {
		this.mongoTemplate.updateFirst(new Query(Criteria.where("_id").is("rm_li")), new Update().unset("keycloakUserId"),
				"managers");
		this.callerScopes.forgetAll();
		assertSeesNothing(this.idp.token("rm_li"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "HO", "SH", "SH-PD", "XX-UNKNOWN", "sh-pd-t1" })
	void teamLeadWhoseUnitIsNotAKnownTeamSeesNothing(String orgUnit) {
		assertSeesNothing(this.idp.token("lead_sun", claims -> claims.claim("org_unit", orgUnit)));
	}

	@Test
	void teamLeadWithoutAnOrgUnitSeesNothing() {
		assertSeesNothing(this.idp.token("lead_sun", claims -> claims.claim("org_unit", null)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "SH-PD-T1", "XX-UNKNOWN" })
	void branchManagerWhoseUnitIsNotAKnownBranchSubBranchOrHeadOfficeSeesNothing(String orgUnit) {
		assertSeesNothing(this.idp.token("mgr_chen", claims -> claims.claim("org_unit", orgUnit)));
	}

	@Test
	void branchManagerOfShanghaiSeesTheShanghaiBook() {
		assertThat(visible("mgr_chen", claims -> claims.claim("org_unit", "SH"))).containsExactlyInAnyOrder("C-LI-1",
				"C-LI-2", "C-ZHANG-1", "C-WANG-1", "C-WANG-2", "C-XU-1", "C-XU-2", "C-ZHAO-2");
	}

	@Test
	void headOfficeBranchManagerSeesTheWholeBook() {
		assertThat(visible("mgr_he", claims -> { })).containsExactlyInAnyOrderElementsOf(ClientBookFixture.ALL);
	}

	@Test
	void subBranchManagerSeesTheirSubBranchBook() {
		assertThat(visible("mgr_chen", claims -> claims.claim("org_unit", "SH-PD"))).containsExactlyInAnyOrder(
				"C-LI-1", "C-LI-2", "C-ZHANG-1", "C-WANG-1", "C-WANG-2");
	}

	@Test
	void aFailedLeadGrantLeavesTheRmGrantOfTheSamePerson() {
		// rm_wang holding TEAM_LEAD too, with a head-office unit: rm_wang's own clients, nothing more.
		assertThat(visible("lead_rm_wang", claims -> claims.claim("org_unit", "HO")))
			.containsExactlyInAnyOrder("C-WANG-1", "C-WANG-2", "C-LI-2");
	}

	@Test
	void riskOfficerSeesTheWholeBookWhateverTheirUnit() {
		assertThat(visible("risk_zhou", claims -> claims.claim("org_unit", "XX-UNKNOWN")))
			.containsExactlyInAnyOrderElementsOf(ClientBookFixture.ALL);
	}

	private List<String> visible(String username, Consumer<JWTClaimsSet.Builder> adjust) {
		return clientIds(withToken(this.graphQlTester, this.idp.token(username, adjust)));
	}

	private void assertSeesNothing(String token) {
		HttpGraphQlTester tester = withToken(this.graphQlTester, token);
		tester.documentName("clientIds")
			.execute()
			.path("clients.totalCount").entity(Integer.class).isEqualTo(0)
			.path("clients.edges").entityList(Object.class).hasSize(0);
		for (String id : ClientBookFixture.ALL) {
			tester.documentName("clientDetail").variable("id", id).execute().path("client").valueIsNull();
		}
	}

}
