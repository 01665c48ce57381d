package com.corpbank.portal.assignment;

import java.util.List;
import java.util.Map;

import com.corpbank.portal.audit.AuditEvent;
import com.corpbank.portal.client.Client;
import com.corpbank.portal.support.ClientBookFixture;
import com.corpbank.portal.support.PortalTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static com.corpbank.portal.support.Testers.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * assignClient: who may hand over which client to whom (the unit rule), the input rules, locking, the audit event
 * and the history entry. Fixture: rm_li, rm_zhang in SH-PD-T1 (lead_sun's team); rm_wang in SH-PD-T2; rm_xu in
 * SH-HP-T1; rm_zhao, rm_liu in BJ-HD-T1; mgr_chen runs SH.
 */
@PortalTest
class AssignClientTests {

	static final String ASSIGN = """
			mutation($input: AssignClientInput!) {
			  assignClient(input: $input) {
			    client { id version primaryManager { username } coManagers { username } }
			    errors { code field message currentVersion }
			  }
			}""";

	@Autowired
	HttpGraphQlTester graphQlTester;

	@Autowired
	MongoTemplate mongoTemplate;

	@BeforeEach
	void loadBook() {
		new ClientBookFixture(this.mongoTemplate).load();
	}

	// ---- Team lead: within their team -------------------------------------------------------------------------

	@Test
	void teamLeadHandsOverWithinTheTeamWithOneAuditEventAndOneHistoryEntry() {
		GraphQlTester.Response response = assign("lead_sun", "C-LI-1", "rm_zhang", List.of(), 0);
		noErrors(response);
		response.path("assignClient.client.version").entity(Integer.class).isEqualTo(1);
		response.path("assignClient.client.primaryManager.username").entity(String.class).isEqualTo("rm_zhang");

		Client stored = client("C-LI-1");
		assertThat(stored.managerUsernames()).containsExactly("rm_zhang");
		assertThat(stored.orgUnits()).containsExactly("HO", "SH", "SH-PD", "SH-PD-T1");
		assertThat(this.mongoTemplate.findAll(AuditEvent.class)).singleElement().satisfies(event -> {
			assertThat(event.operation()).isEqualTo("assignClient");
			assertThat(event.actor()).isEqualTo("lead_sun");
			assertThat(event.entityId()).isEqualTo("C-LI-1");
			assertThat(event.entityVersion()).isEqualTo(1L);
			assertThat(event.reason()).isEqualTo("rm_li moves to trade finance");
			assertThat(event.changes()).singleElement().satisfies(change -> {
				assertThat(change.field()).isEqualTo("primaryManager");
				assertThat(change.before()).isEqualTo("rm_li");
				assertThat(change.after()).isEqualTo("rm_zhang");
			});
		});
		assertThat(this.mongoTemplate.findAll(AssignmentHistoryEntry.class)).singleElement().satisfies(entry -> {
			assertThat(entry.primaryManager()).isEqualTo("rm_zhang");
			assertThat(entry.previous()).isEqualTo(new AssignmentSnapshot("rm_li", List.of()));
			assertThat(entry.changedBy()).isEqualTo("lead_sun");
			assertThat(entry.clientVersion()).isEqualTo(1L);
		});
		assertThat(this.mongoTemplate.getCollection("clients")
			.find(new org.bson.Document("pendingOutbox._id", new org.bson.Document("$exists", true)))
			.first()).isNull();
	}

	@Test
	void teamLeadHandingOverToAnotherTeamsRmIsForbiddenNamingTheRmAndChangesNothing() {
		GraphQlTester.Response response = assign("lead_sun", "C-LI-1", "rm_wang", List.of(), 0);
		response.path("assignClient.client").valueIsNull();
		response.path("assignClient.errors[*].code").entityList(String.class).containsExactly("FORBIDDEN");
		response.path("assignClient.errors[0].field").entityList(String.class)
			.containsExactly("input", "primaryManager");
		response.path("assignClient.errors[0].message").entity(String.class)
			.satisfies(message -> assertThat(message).contains("rm_wang").contains("SH-PD-T2").contains("SH-PD-T1"));
		nothingChanged("C-LI-1");
	}

	@Test
	void teamLeadAddingAnotherTeamsRmAsCoRmIsForbiddenOnThatListEntry() {
		GraphQlTester.Response response = assign("lead_sun", "C-LI-1", "rm_li", List.of("rm_zhang", "rm_wang"), 0);
		response.path("assignClient.errors[*].code").entityList(String.class).containsExactly("FORBIDDEN");
		response.path("assignClient.errors[0].field").entityList(String.class)
			.containsExactly("input", "coManagers", "1");
		nothingChanged("C-LI-1");
	}

	@Test
	void teamLeadReplacesTheTeamsPrimaryWhileAnotherTeamsCoRmKeepsTheirRole() {
		// C-LI-2: rm_li (T1) primary, rm_wang (T2) co; rm_wang is not part of the change.
		noErrors(assign("lead_sun", "C-LI-2", "rm_zhang", List.of("rm_wang"), 0));
		Client stored = client("C-LI-2");
		assertThat(stored.managerUsernames()).containsExactly("rm_zhang", "rm_wang");
		assertThat(stored.orgUnits()).containsExactly("HO", "SH", "SH-PD", "SH-PD-T1", "SH-PD-T2");
	}

	@Test
	void teamLeadMayNotPromoteOrRemoveAnotherTeamsCoRm() {
		GraphQlTester.Response promote = assign("lead_sun", "C-LI-2", "rm_wang", List.of(), 0);
		promote.path("assignClient.errors[*].code").entityList(String.class).containsExactly("FORBIDDEN");
		promote.path("assignClient.errors[0].message").entity(String.class)
			.satisfies(message -> assertThat(message).startsWith("rm_wang"));

		GraphQlTester.Response remove = assign("lead_sun", "C-LI-2", "rm_li", List.of(), 0);
		remove.path("assignClient.errors[*].code").entityList(String.class).containsExactly("FORBIDDEN");
		remove.path("assignClient.errors[0].field").entityList(String.class).containsExactly("input", "coManagers");
		remove.path("assignClient.errors[0].message").entity(String.class)
			.satisfies(message -> assertThat(message).startsWith("rm_wang"));
		nothingChanged("C-LI-2");
	}

	@Test
	void teamLeadGetsNotFoundForAClientOutsideTheTeamExactlyAsForAMissingOne() {
		for (String clientId : List.of("C-WANG-1", "C-XU-1", "C-ZHAO-1", "C-NOPE")) {
			GraphQlTester.Response response = assign("lead_sun", clientId, "rm_li", List.of(), 0);
			response.path("assignClient.errors[*].code").entityList(String.class).containsExactly("NOT_FOUND");
			response.path("assignClient.errors[0].field").entityList(String.class).containsExactly("input", "clientId");
			response.path("assignClient.errors[0].message").entity(String.class)
				.isEqualTo("No client with this id is in your book.");
		}
		assertThat(this.mongoTemplate.count(new Query(), AuditEvent.class)).isZero();
	}

	// ---- Branch manager: within the branch subtree ------------------------------------------------------------

	@Test
	void branchManagerHandsOverAcrossSubBranchesOfTheBranch() {
		noErrors(assign("mgr_chen", "C-XU-1", "rm_li", List.of("rm_wang"), 0));
		assertThat(client("C-XU-1").orgUnits()).containsExactly("HO", "SH", "SH-PD", "SH-PD-T1", "SH-PD-T2");
	}

	@Test
	void branchManagerHandingOverToAnotherBranchsRmIsForbidden() {
		GraphQlTester.Response response = assign("mgr_chen", "C-XU-1", "rm_zhao", List.of(), 0);
		response.path("assignClient.errors[*].code").entityList(String.class).containsExactly("FORBIDDEN");
		response.path("assignClient.errors[0].message").entity(String.class)
			.satisfies(message -> assertThat(message).contains("rm_zhao").contains("BJ-HD-T1"));
		nothingChanged("C-XU-1");
	}

	@Test
	void branchManagerMayRemoveTheBranchsCoRmFromAnotherBranchsClientAndThenNoLongerSeesIt() {
		// C-ZHAO-2: rm_zhao (BJ) primary, rm_xu (SH) co. Replacing rm_zhao is not the SH manager's call.
		GraphQlTester.Response replace = assign("mgr_chen", "C-ZHAO-2", "rm_xu", List.of(), 0);
		replace.path("assignClient.errors[*].code").entityList(String.class).containsExactly("FORBIDDEN");
		replace.path("assignClient.errors[0].message").entity(String.class)
			.satisfies(message -> assertThat(message).startsWith("rm_zhao (BJ-HD-T1) is outside your unit SH"));

		GraphQlTester.Response response = assign("mgr_chen", "C-ZHAO-2", "rm_zhao", List.of(), 0);
		noErrors(response);
		// Done, but out of the caller's scope now: the payload does not show it either.
		response.path("assignClient.client").valueIsNull();
		assertThat(client("C-ZHAO-2").orgUnits()).containsExactly("HO", "BJ", "BJ-HD", "BJ-HD-T1");
		as(this.graphQlTester, "mgr_chen").document("{ client(id: \"C-ZHAO-2\") { id } }")
			.execute()
			.path("client")
			.valueIsNull();
	}

	// ---- Other roles --------------------------------------------------------------------------------------------

	@Test
	void relationshipManagersRiskAnalystsAdminsAndAuditorsAreForbiddenAndNothingChanges() {
		for (String user : List.of("rm_li", "rm_wang", "risk_zhou", "analyst_wu", "admin", "auditor_qian")) {
			GraphQlTester.Response response = assign(user, "C-LI-1", "rm_zhang", List.of(), 0);
			response.path("assignClient.client").valueIsNull();
			response.path("assignClient.errors[*].code").entityList(String.class).containsExactly("FORBIDDEN");
		}
		nothingChanged("C-LI-1");
	}

	// ---- Input rules ------------------------------------------------------------------------------------------

	@Test
	void unknownRmsAndPeopleWhoAreNoRmAreValidationErrorsOnTheirFields() {
		GraphQlTester.Response response = assign("lead_sun", "C-LI-1", "rm_nobody", List.of("rm_zhang", "lead_sun"),
				0);
		response.path("assignClient.errors[*].code").entityList(String.class)
			.containsExactly("VALIDATION", "VALIDATION");
		response.path("assignClient.errors[0].field").entityList(String.class)
			.containsExactly("input", "primaryManager");
		response.path("assignClient.errors[1].field").entityList(String.class)
			.containsExactly("input", "coManagers", "1");
		nothingChanged("C-LI-1");
	}

	@Test
	void aUsernameThatLooksLikeAQueryIsJustAnUnknownRm() {
		GraphQlTester.Response response = assign("lead_sun", "C-LI-1", "{\"$gt\": \"\"}", List.of("a.b$c"), 0);
		response.path("assignClient.errors[*].code").entityList(String.class)
			.containsExactly("VALIDATION", "VALIDATION");
		response.path("assignClient.errors[0].message").entity(String.class)
			.isEqualTo("No relationship manager \"{\"$gt\": \"\"}\" in the org directory.");
		nothingChanged("C-LI-1");
	}

	@Test
	void primaryListedAsCoRmAndDuplicateCoRmsAreValidationErrors() {
		GraphQlTester.Response response = assign("lead_sun", "C-LI-1", "rm_zhang",
				List.of("rm_li", "rm_zhang", "rm_li"), 0);
		response.path("assignClient.errors[*].code").entityList(String.class)
			.containsExactly("VALIDATION", "VALIDATION");
		response.path("assignClient.errors[0].field").entityList(String.class)
			.containsExactly("input", "coManagers", "1");
		response.path("assignClient.errors[1].field").entityList(String.class)
			.containsExactly("input", "coManagers", "2");
		nothingChanged("C-LI-1");
	}

	@Test
	void everyInputProblemIsReportedAtOnce() {
		GraphQlTester.Response response = as(this.graphQlTester, "lead_sun").document(ASSIGN)
			.variable("input", Map.of("clientId", "C LI 1", "primaryManager", " ", "coManagers",
					List.of("rm_zhang\n"), "reason", "", "expectedVersion", -1))
			.execute();
		assertThat(response.path("assignClient.errors[*].code").entityList(String.class).get())
			.containsExactly("VALIDATION", "VALIDATION", "VALIDATION", "VALIDATION", "VALIDATION");
		response.path("assignClient.errors[*].field[1]").entityList(String.class)
			.containsExactly("clientId", "primaryManager", "coManagers", "reason", "expectedVersion");
		nothingChanged("C-LI-1");
	}

	@Test
	void reassigningTheCurrentAssignmentIsAValidationErrorNotAnEmptyChange() {
		GraphQlTester.Response response = assign("lead_sun", "C-LI-1", "rm_li", List.of(), 0);
		response.path("assignClient.errors[*].code").entityList(String.class).containsExactly("VALIDATION");
		response.path("assignClient.errors[0].field").entityList(String.class).containsExactly("input");
		nothingChanged("C-LI-1");
	}

	@Test
	void staleVersionIsAConflictNamingTheCurrentVersion() {
		noErrors(assign("lead_sun", "C-LI-1", "rm_zhang", List.of(), 0));
		GraphQlTester.Response stale = assign("lead_sun", "C-LI-1", "rm_li", List.of("rm_zhang"), 0);
		stale.path("assignClient.errors[*].code").entityList(String.class).containsExactly("CONFLICT");
		stale.path("assignClient.errors[0].field").entityList(String.class).containsExactly("input", "expectedVersion");
		stale.path("assignClient.errors[0].currentVersion").entity(Integer.class).isEqualTo(1);
		assertThat(client("C-LI-1").primaryManager()).isEqualTo("rm_zhang");
		assertThat(this.mongoTemplate.count(new Query(), AuditEvent.class)).isEqualTo(1);
		assertThat(this.mongoTemplate.count(new Query(), AssignmentHistoryEntry.class)).isEqualTo(1);
	}

	@Test
	void theRmToTeamPathComesFromTheStoresDirectory() {
		// rm_wang moves to lead_sun's team in the directory: the next handover follows the store, not a constant.
		this.mongoTemplate.updateFirst(new Query(Criteria.where("_id").is("rm_wang")),
				Update.update("teamCode", "SH-PD-T1"), "managers");
		noErrors(assign("lead_sun", "C-LI-1", "rm_wang", List.of(), 0));
		assertThat(client("C-LI-1").orgUnits()).containsExactly("HO", "SH", "SH-PD", "SH-PD-T1");
	}

	// ---- Helpers ----------------------------------------------------------------------------------------------

	private GraphQlTester.Response assign(String user, String clientId, String primary, List<String> coManagers,
			int expectedVersion) {
		return as(this.graphQlTester, user).document(ASSIGN)
			.variable("input", Map.of("clientId", clientId, "primaryManager", primary, "coManagers", coManagers,
					"reason", "rm_li moves to trade finance", "expectedVersion", expectedVersion))
			.execute();
	}

	private static void noErrors(GraphQlTester.Response response) {
		response.path("assignClient.errors").entityList(Object.class).hasSize(0);
	}

	private Client client(String id) {
		return this.mongoTemplate.findById(id, Client.class);
	}

	private void nothingChanged(String clientId) {
		// The fixture inserts version 0; any audited write moves it on.
		assertThat(client(clientId).version()).isZero();
		assertThat(this.mongoTemplate.count(new Query(), AuditEvent.class)).isZero();
		assertThat(this.mongoTemplate.count(new Query(), AssignmentHistoryEntry.class)).isZero();
	}

}
