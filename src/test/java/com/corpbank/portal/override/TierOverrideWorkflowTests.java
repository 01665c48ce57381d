package com.corpbank.portal.override;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.corpbank.portal.audit.AuditEvent;
import com.corpbank.portal.override.OverrideTestConfiguration.DecidedEvents;
import com.corpbank.portal.support.ClientBookFixture;
import com.corpbank.portal.support.PortalTest;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static com.corpbank.portal.override.OverrideTestConfiguration.TODAY;
import static com.corpbank.portal.support.Testers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The maker-checker workflow: mgr_chen (branch SH) proposes, mgr_chen can never decide it, mgr_he (head office)
 * approves or rejects it; the maker withdraws. Scope, one open override per client, illegal transitions, expiry
 * dates, the audit trail and the decision event. Today is {@link OverrideTestConfiguration#TODAY}.
 */
@PortalTest
@Import(OverrideTestConfiguration.class)
class TierOverrideWorkflowTests {

	static final String OVERRIDE_FIELDS = "override { id clientId tier reason expiresOn status expired proposedBy "
			+ "decidedBy decidedAt decisionNote version } errors { code field message currentVersion }";

	static final String PROPOSE = "mutation($input: ProposeTierOverrideInput!) { proposeTierOverride(input: $input) { "
			+ OVERRIDE_FIELDS + " } }";

	static final String APPROVE = "mutation($input: ApproveTierOverrideInput!) { approveTierOverride(input: $input) { "
			+ OVERRIDE_FIELDS + " } }";

	static final String REJECT = "mutation($input: RejectTierOverrideInput!) { rejectTierOverride(input: $input) { "
			+ OVERRIDE_FIELDS + " } }";

	static final String WITHDRAW = "mutation($input: WithdrawTierOverrideInput!) { withdrawTierOverride(input: $input) { "
			+ OVERRIDE_FIELDS + " } }";

	@Autowired
	HttpGraphQlTester graphQlTester;

	@Autowired
	MongoTemplate mongoTemplate;

	@Autowired
	DecidedEvents decided;

	@BeforeEach
	void loadBook() {
		new ClientBookFixture(this.mongoTemplate).load();
		this.decided.clear();
	}

	// ---- maker and checker ---------------------------------------------------------------------------------------

	@Test
	void makerProposesAndAnotherBranchManagerApprovesWithOneAuditEventEach() {
		String id = proposed("mgr_chen", "C-XU-1");
		assertThat(events()).singleElement().satisfies(event -> {
			assertThat(event.operation()).isEqualTo("proposeTierOverride");
			assertThat(event.actor()).isEqualTo("mgr_chen");
			assertThat(event.entityType()).isEqualTo("TierOverride");
			assertThat(event.entityId()).isEqualTo(id);
			assertThat(event.clientId()).isEqualTo("C-XU-1");
			assertThat(event.entityVersion()).isZero();
			assertThat(event.reason()).isEqualTo("战略客户，总行批复");
			assertThat(event.changes()).extracting("field", "before", "after")
				.contains(tuple("status", null, "PROPOSED"),
						tuple("tier", null, "A"),
						tuple("expiresOn", null, "2027-02-18"));
		});

		GraphQlTester.Response approved = approve("mgr_he", id, 0, "同意");
		approved.path("approveTierOverride.errors").entityList(Object.class).hasSize(0);
		approved.path("approveTierOverride.override.status").entity(String.class).isEqualTo("APPROVED");
		approved.path("approveTierOverride.override.decidedBy").entity(String.class).isEqualTo("mgr_he");
		approved.path("approveTierOverride.override.decisionNote").entity(String.class).isEqualTo("同意");
		approved.path("approveTierOverride.override.decidedAt").entity(String.class)
			.isEqualTo("2026-11-20T02:00:00Z");
		approved.path("approveTierOverride.override.version").entity(Integer.class).isEqualTo(1);
		approved.path("approveTierOverride.override.expired").entity(Boolean.class).isEqualTo(false);

		List<AuditEvent> events = events();
		assertThat(events).hasSize(2);
		assertThat(events.get(1)).satisfies(event -> {
			assertThat(event.operation()).isEqualTo("approveTierOverride");
			assertThat(event.actor()).isEqualTo("mgr_he");
			assertThat(event.clientId()).isEqualTo("C-XU-1");
			assertThat(event.entityVersion()).isEqualTo(1L);
			assertThat(event.reason()).isEqualTo("同意");
			assertThat(event.changes()).extracting("field", "before", "after")
				.containsExactly(tuple("status", "PROPOSED", "APPROVED"),
						tuple("decidedBy", null, "mgr_he"));
		});
		assertNothingPending();
	}

	@Test
	void theMakerCannotApproveOrRejectTheirOwnProposalAndNothingChanges() {
		String id = proposed("mgr_chen", "C-XU-1");
		Document before = stored(id);
		GraphQlTester.Response approveOwn = approve("mgr_chen", id, 0, "我自己批");
		approveOwn.path("approveTierOverride.override").valueIsNull();
		approveOwn.path("approveTierOverride.errors[0].code").entity(String.class).isEqualTo("FORBIDDEN");
		approveOwn.path("approveTierOverride.errors[0].field").entityList(String.class)
			.containsExactly("input", "overrideId");
		approveOwn.path("approveTierOverride.errors[0].message").entity(String.class)
			.satisfies(message -> assertThat(message).contains("You proposed this override").contains("maker-checker"));
		GraphQlTester.Response rejectOwn = reject("mgr_chen", id, 0, "我自己拒");
		rejectOwn.path("rejectTierOverride.errors[0].code").entity(String.class).isEqualTo("FORBIDDEN");

		assertThat(stored(id)).isEqualTo(before);
		assertThat(events()).extracting(AuditEvent::operation).containsExactly("proposeTierOverride");
		assertThat(this.decided.seen()).isEmpty();
	}

	@Test
	void theMakerIsKnownByTheirSubjectNotOnlyTheirUsername() {
		// The maker renamed in Keycloak: same sub, new username. Still the maker.
		String id = proposed("mgr_chen", "C-XU-1");
		this.mongoTemplate.getCollection("tier_overrides")
			.updateOne(new Document("_id", id), new Document("$set", new Document("proposedBy", "chen_gang_old")));
		approve("mgr_chen", id, 0, "改名后").path("approveTierOverride.errors[0].code").entity(String.class)
			.isEqualTo("FORBIDDEN");
	}

	@Test
	void aCheckerRejectsWithANoteAndTheClientIsFreeForANewProposal() {
		String id = proposed("mgr_chen", "C-XU-1");
		GraphQlTester.Response rejected = reject("mgr_he", id, 0, "经营数据不支持");
		rejected.path("rejectTierOverride.override.status").entity(String.class).isEqualTo("REJECTED");
		rejected.path("rejectTierOverride.override.decisionNote").entity(String.class).isEqualTo("经营数据不支持");
		assertThat(events()).extracting(AuditEvent::operation)
			.containsExactly("proposeTierOverride", "rejectTierOverride");
		assertThat(events().get(1).reason()).isEqualTo("经营数据不支持");

		proposed("mgr_chen", "C-XU-1");
	}

	@Test
	void aRejectionNeedsANote() {
		String id = proposed("mgr_chen", "C-XU-1");
		GraphQlTester.Response response = as(this.graphQlTester, "mgr_he").document(REJECT)
			.variable("input", Map.of("overrideId", id, "expectedVersion", 0, "note", "   "))
			.execute();
		response.path("rejectTierOverride.errors[0].code").entity(String.class).isEqualTo("VALIDATION");
		response.path("rejectTierOverride.errors[0].field").entityList(String.class).containsExactly("input", "note");
		assertThat(status(id)).isEqualTo("PROPOSED");
	}

	@Test
	void theMakerWithdrawsTheirProposalAndNobodyElseMay() {
		String id = proposed("mgr_chen", "C-XU-1");
		GraphQlTester.Response notMaker = withdraw("mgr_he", id, 0);
		notMaker.path("withdrawTierOverride.errors[0].code").entity(String.class).isEqualTo("FORBIDDEN");
		notMaker.path("withdrawTierOverride.errors[0].message").entity(String.class)
			.satisfies(message -> assertThat(message).contains("mgr_chen"));
		assertThat(status(id)).isEqualTo("PROPOSED");

		GraphQlTester.Response withdrawn = withdraw("mgr_chen", id, 0);
		withdrawn.path("withdrawTierOverride.override.status").entity(String.class).isEqualTo("WITHDRAWN");
		withdrawn.path("withdrawTierOverride.override.decidedBy").entity(String.class).isEqualTo("mgr_chen");
		assertThat(events()).extracting(AuditEvent::operation)
			.containsExactly("proposeTierOverride", "withdrawTierOverride");
		assertNothingPending();
	}

	// ---- illegal transitions and versions ------------------------------------------------------------------------

	@Test
	void onlyAProposedOverrideMovesOn() {
		String approvedId = proposed("mgr_chen", "C-XU-1");
		approve("mgr_he", approvedId, 0, null).path("approveTierOverride.errors").entityList(Object.class).hasSize(0);
		String rejectedId = proposed("mgr_he", "C-XU-2");
		reject("mgr_chen", rejectedId, 0, "no").path("rejectTierOverride.errors").entityList(Object.class).hasSize(0);
		long eventsBefore = events().size();

		assertIllegal(approve("mgr_he", approvedId, 1, null), "approveTierOverride", "APPROVED (by mgr_he)");
		assertIllegal(reject("mgr_he", approvedId, 1, "too late"), "rejectTierOverride", "APPROVED");
		assertIllegal(withdraw("mgr_chen", approvedId, 1), "withdrawTierOverride", "APPROVED");
		assertIllegal(approve("mgr_chen", rejectedId, 1, null), "approveTierOverride", "REJECTED (by mgr_chen)");
		assertIllegal(withdraw("mgr_he", rejectedId, 1), "withdrawTierOverride", "REJECTED (by mgr_chen)");

		assertThat(events()).hasSize((int) eventsBefore);
		assertThat(status(approvedId)).isEqualTo("APPROVED");
		assertThat(status(rejectedId)).isEqualTo("REJECTED");
	}

	@Test
	void aStaleVersionIsAConflictNamingTheCurrentVersion() {
		String id = proposed("mgr_chen", "C-XU-1");
		GraphQlTester.Response stale = approve("mgr_he", id, 3, null);
		stale.path("approveTierOverride.errors[0].code").entity(String.class).isEqualTo("CONFLICT");
		stale.path("approveTierOverride.errors[0].field").entityList(String.class)
			.containsExactly("input", "expectedVersion");
		stale.path("approveTierOverride.errors[0].currentVersion").entity(Integer.class).isEqualTo(0);
		assertThat(status(id)).isEqualTo("PROPOSED");
	}

	@Test
	void aProposalWhoseExpiryDatePassedCannotBeApprovedButCanBeRejected() {
		String id = proposed("mgr_chen", "C-XU-1");
		setExpiresOn(id, TODAY);
		GraphQlTester.Response late = approve("mgr_he", id, 0, null);
		late.path("approveTierOverride.errors[0].code").entity(String.class).isEqualTo("VALIDATION");
		late.path("approveTierOverride.errors[0].message").entity(String.class)
			.satisfies(message -> assertThat(message).contains("2026-11-20").contains("has passed"));
		assertThat(status(id)).isEqualTo("PROPOSED");
		reject("mgr_he", id, 0, "过期").path("rejectTierOverride.override.status").entity(String.class)
			.isEqualTo("REJECTED");
	}

	// ---- scope and roles -----------------------------------------------------------------------------------------

	@Test
	void aBranchManagerCannotProposeForAClientOutsideTheirBranchItReadsAsMissing() {
		for (String clientId : List.of("C-ZHAO-1", "C-NOPE")) {
			GraphQlTester.Response response = propose("mgr_chen", clientId, "A", "跨分行", TODAY.plusDays(30));
			response.path("proposeTierOverride.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
			response.path("proposeTierOverride.errors[0].field").entityList(String.class)
				.containsExactly("input", "clientId");
			response.path("proposeTierOverride.errors[0].message").entity(String.class)
				.isEqualTo("No client with this id is in your book.");
		}
		assertThat(this.mongoTemplate.count(new Query(), "tier_overrides")).isZero();
		assertThat(events()).isEmpty();
	}

	@Test
	void aCheckerWithoutTheClientInScopeGetsNotFoundLikeAMissingOverride() {
		String beijing = proposed("mgr_he", "C-ZHAO-1");
		for (String overrideId : List.of(beijing, "TO-NOPE")) {
			approve("mgr_chen", overrideId, 0, null).path("approveTierOverride.errors[0].code").entity(String.class)
				.isEqualTo("NOT_FOUND");
			reject("mgr_chen", overrideId, 0, "x").path("rejectTierOverride.errors[0].code").entity(String.class)
				.isEqualTo("NOT_FOUND");
		}
		assertThat(status(beijing)).isEqualTo("PROPOSED");
	}

	@Test
	void otherRolesCannotProposeOrDecideEvenThroughAliases() {
		String id = proposed("mgr_chen", "C-XU-1");
		for (String user : List.of("rm_xu", "lead_sun", "risk_zhou", "analyst_wu", "admin", "auditor_qian")) {
			propose(user, "C-XU-1", "A", "越权", TODAY.plusDays(30)).path("proposeTierOverride.errors[0].code")
				.entity(String.class).isEqualTo("FORBIDDEN");
			as(this.graphQlTester, user).document("""
					mutation($id: ID!) {
					  a: approveTierOverride(input: {overrideId: $id, expectedVersion: 0}) { errors { code } }
					  b: rejectTierOverride(input: {overrideId: $id, expectedVersion: 0, note: "x"}) { errors { code } }
					  c: withdrawTierOverride(input: {overrideId: $id, expectedVersion: 0}) { errors { code } }
					}""").variable("id", id).execute()
				.path("a.errors[0].code").entity(String.class).isEqualTo("FORBIDDEN")
				.path("b.errors[0].code").entity(String.class).isEqualTo("FORBIDDEN")
				.path("c.errors[0].code").entity(String.class).isEqualTo("FORBIDDEN");
		}
		assertThat(status(id)).isEqualTo("PROPOSED");
		assertThat(this.mongoTemplate.count(new Query(), "tier_overrides")).isEqualTo(1);
		assertThat(events()).hasSize(1);
	}

	// ---- one open override per client ----------------------------------------------------------------------------

	@Test
	void aSecondProposalWhileOneIsOpenIsAConflictNamingIt() {
		String open = proposed("mgr_chen", "C-XU-1");
		GraphQlTester.Response second = propose("mgr_he", "C-XU-1", "B", "另一个", TODAY.plusDays(60));
		second.path("proposeTierOverride.errors[0].code").entity(String.class).isEqualTo("CONFLICT");
		second.path("proposeTierOverride.errors[0].field").entityList(String.class).containsExactly("input", "clientId");
		second.path("proposeTierOverride.errors[0].message").entity(String.class)
			.satisfies(message -> assertThat(message).contains(open).contains("PROPOSED").contains("mgr_chen"));

		// Approved and not expired: still open.
		approve("mgr_he", open, 0, null);
		propose("mgr_he", "C-XU-1", "B", "另一个", TODAY.plusDays(60)).path("proposeTierOverride.errors[0].message")
			.entity(String.class).satisfies(message -> assertThat(message).contains(open).contains("APPROVED"));
		assertThat(this.mongoTemplate.count(new Query(), "tier_overrides")).isEqualTo(1);

		// Expired (its date reached): no longer open.
		setExpiresOn(open, TODAY);
		proposed("mgr_he", "C-XU-1");
		// Other clients were never blocked.
		proposed("mgr_he", "C-ZHAO-1");
	}

	@Test
	void theStoreRefusesASecondOverrideWithTheSameClientNumber() {
		// Two proposals that raced past the "is one open?" read both take the next number; the unique index keeps one.
		String id = proposed("mgr_chen", "C-XU-1");
		Document copy = this.mongoTemplate.findById(id, Document.class, "tier_overrides");
		copy.put("_id", "TO-RACER");
		assertThatThrownBy(() -> this.mongoTemplate.insert(copy, "tier_overrides"))
			.isInstanceOf(DuplicateKeyException.class);
	}

	// ---- input ---------------------------------------------------------------------------------------------------

	@Test
	void theExpiryDateIsAfterTodayAndAtMostAYearAhead() {
		for (LocalDate refused : List.of(TODAY.minusDays(1), TODAY, TODAY.plusDays(366))) {
			GraphQlTester.Response response = propose("mgr_chen", "C-XU-1", "A", "到期日", refused);
			response.path("proposeTierOverride.errors[0].code").entity(String.class).isEqualTo("VALIDATION");
			response.path("proposeTierOverride.errors[0].field").entityList(String.class)
				.containsExactly("input", "expiresOn");
			response.path("proposeTierOverride.errors[0].message").entity(String.class)
				.satisfies(message -> assertThat(message).contains("2026-11-20").contains("2027-11-20"));
		}
		assertThat(this.mongoTemplate.count(new Query(), "tier_overrides")).isZero();
		propose("mgr_chen", "C-XU-1", "A", "最远", TODAY.plusDays(365)).path("proposeTierOverride.override.expiresOn")
			.entity(String.class).isEqualTo("2027-11-20");
		propose("mgr_he", "C-ZHAO-1", "C", "最近", TODAY.plusDays(1)).path("proposeTierOverride.override.expiresOn")
			.entity(String.class).isEqualTo("2026-11-21");
	}

	@Test
	void everyProblemIsReportedAtOnce() {
		Map<String, Object> input = new HashMap<>();
		input.put("clientId", "C-XU-1");
		input.put("tier", "A");
		input.put("reason", "x".repeat(501));
		input.put("expiresOn", TODAY.toString());
		as(this.graphQlTester, "mgr_chen").document(PROPOSE).variable("input", input).execute()
			.path("proposeTierOverride.errors[*].field[1]").entityList(String.class)
			.satisfies(fields -> assertThat(fields).containsExactlyInAnyOrder("reason", "expiresOn"));
	}

	@Test
	void hostileTextIsStoredVerbatim() {
		for (String text : List.of("{\"$gt\": \"\"}", "a.b$c")) {
			new ClientBookFixture(this.mongoTemplate).load();
			String id = propose("mgr_chen", "C-XU-1", "B", text, TODAY.plusDays(10))
				.path("proposeTierOverride.override.reason").entity(String.class).isEqualTo(text)
				.path("proposeTierOverride.override.id").entity(String.class).get();
			reject("mgr_he", id, 0, text).path("rejectTierOverride.override.decisionNote").entity(String.class)
				.isEqualTo(text);
			assertThat(this.mongoTemplate.findById(id, TierOverride.class).reason()).isEqualTo(text);
		}
	}

	// ---- the decision event --------------------------------------------------------------------------------------

	@Test
	void aDecisionPublishesTierOverrideDecidedAfterTheWrite() {
		String approved = proposed("mgr_chen", "C-XU-1");
		assertThat(this.decided.seen()).as("a proposal changes no tier").isEmpty();
		approve("mgr_he", approved, 0, null);
		String rejected = proposed("mgr_he", "C-XU-2");
		reject("mgr_he", rejected, 0, "no");
		assertThat(this.decided.seen()).as("not published for a refused rejection (the maker's)").hasSize(1);
		reject("mgr_chen", rejected, 0, "no");
		String withdrawn = proposed("mgr_chen", "C-LI-1");
		withdraw("mgr_chen", withdrawn, 0);

		assertThat(this.decided.seen()).extracting("clientId", "statuses")
			.containsExactly(tuple("C-XU-1", List.of(TierOverrideStatus.APPROVED)),
					tuple("C-XU-2", List.of(TierOverrideStatus.REJECTED)),
					tuple("C-LI-1", List.of(TierOverrideStatus.WITHDRAWN)));
	}

	// ---- helpers -------------------------------------------------------------------------------------------------

	private void assertIllegal(GraphQlTester.Response response, String operation, String state) {
		response.path(operation + ".errors[0].code").entity(String.class).isEqualTo("CONFLICT");
		response.path(operation + ".errors[0].field").entityList(String.class).containsExactly("input", "overrideId");
		response.path(operation + ".errors[0].message").entity(String.class)
			.satisfies(message -> assertThat(message).contains("This override is " + state)
				.contains("only a PROPOSED override"));
	}

	/** A proposal that succeeded: tier A, expiring 90 days from today. */
	String proposed(String user, String clientId) {
		GraphQlTester.Response response = propose(user, clientId, "A", "战略客户，总行批复", TODAY.plusDays(90));
		response.path("proposeTierOverride.errors").entityList(Object.class).hasSize(0);
		response.path("proposeTierOverride.override.status").entity(String.class).isEqualTo("PROPOSED");
		response.path("proposeTierOverride.override.proposedBy").entity(String.class).isEqualTo(user);
		return response.path("proposeTierOverride.override.id").entity(String.class).get();
	}

	GraphQlTester.Response propose(String user, String clientId, String tier, String reason, LocalDate expiresOn) {
		return as(this.graphQlTester, user).document(PROPOSE)
			.variable("input", Map.of("clientId", clientId, "tier", tier, "reason", reason, "expiresOn",
					expiresOn.toString()))
			.execute();
	}

	GraphQlTester.Response approve(String user, String id, int version, String note) {
		Map<String, Object> input = new HashMap<>(Map.of("overrideId", id, "expectedVersion", version));
		if (note != null) {
			input.put("note", note);
		}
		return as(this.graphQlTester, user).document(APPROVE).variable("input", input).execute();
	}

	GraphQlTester.Response reject(String user, String id, int version, String note) {
		return as(this.graphQlTester, user).document(REJECT)
			.variable("input", Map.of("overrideId", id, "expectedVersion", version, "note", note))
			.execute();
	}

	GraphQlTester.Response withdraw(String user, String id, int version) {
		return as(this.graphQlTester, user).document(WITHDRAW)
			.variable("input", Map.of("overrideId", id, "expectedVersion", version))
			.execute();
	}

	private List<AuditEvent> events() {
		// The clock is fixed: the version orders one override's events.
		return this.mongoTemplate.find(new Query().with(Sort.by("entityVersion", "_id")), AuditEvent.class);
	}

	private Document stored(String id) {
		return this.mongoTemplate.findById(id, Document.class, "tier_overrides");
	}

	private String status(String id) {
		return stored(id).getString("status");
	}

	private void setExpiresOn(String id, LocalDate date) {
		// By collection name: through the entity class, MongoTemplate would move the version on.
		this.mongoTemplate.updateFirst(new Query(Criteria.where("_id").is(id)), new Update().set("expiresOn", date),
				"tier_overrides");
	}

	private void assertNothingPending() {
		assertThat(this.mongoTemplate.getCollection("tier_overrides")
			.countDocuments(new Document("pendingOutbox._id", new Document("$exists", true)))).isZero();
	}

}
