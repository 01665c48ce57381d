package com.corpbank.portal.override;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import com.corpbank.portal.support.ClientBookFixture;
import com.corpbank.portal.support.MongoCommandCounter;
import com.corpbank.portal.support.PortalTest;
import com.corpbank.portal.support.TestIdentityProvider;
import com.corpbank.portal.tier.ValueTierCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static com.corpbank.portal.override.OverrideTestConfiguration.TODAY;
import static com.corpbank.portal.support.Testers.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reads: the engine's seam {@link TierOverrides#approvedOn} (expiry boundaries, one query per call),
 * {@code Client.tierOverrides} (newest first, batched, as the client's scope) and {@code pendingTierOverrides} (the
 * checker's queue). Overrides are stored directly: the workflow has its own tests.
 */
@PortalTest
@Import(OverrideTestConfiguration.class)
class TierOverrideReadTests {

	static final Instant T0 = Instant.parse("2026-11-01T02:00:00Z");

	@Autowired
	HttpGraphQlTester graphQlTester;

	@Autowired
	MongoTemplate mongoTemplate;

	@Autowired
	TierOverrides overrides;

	@Autowired
	MongoCommandCounter commands;

	@BeforeEach
	void loadBook() {
		new ClientBookFixture(this.mongoTemplate).load();
	}

	// ---- approvedOn: the engine's seam ---------------------------------------------------------------------------

	@Test
	void anApprovedOverrideAppliesBeforeItsExpiryDateAndNotFromItOn() {
		LocalDate expiresOn = LocalDate.of(2026, 12, 20);
		store(override("TO-1", "C-LI-1", 1, TierOverrideStatus.APPROVED, expiresOn, "mgr_chen", T0));
		List<String> ids = List.of("C-LI-1");

		assertThat(this.overrides.approvedOn(ids, TODAY)).containsOnlyKeys("C-LI-1");
		assertThat(this.overrides.approvedOn(ids, expiresOn.minusDays(1)).get("C-LI-1").id()).isEqualTo("TO-1");
		assertThat(this.overrides.approvedOn(ids, expiresOn)).isEmpty();
		assertThat(this.overrides.approvedOn(ids, expiresOn.plusDays(1))).isEmpty();
	}

	@Test
	void onlyApprovedOverridesOfTheClientsAskedForApply() {
		LocalDate later = TODAY.plusDays(30);
		store(override("TO-P", "C-LI-1", 1, TierOverrideStatus.PROPOSED, later, "mgr_chen", T0));
		store(override("TO-R", "C-LI-2", 1, TierOverrideStatus.REJECTED, later, "mgr_chen", T0));
		store(override("TO-W", "C-ZHANG-1", 1, TierOverrideStatus.WITHDRAWN, later, "mgr_chen", T0));
		store(override("TO-A", "C-WANG-1", 1, TierOverrideStatus.APPROVED, later, "mgr_chen", T0));
		store(override("TO-X", "C-XU-1", 1, TierOverrideStatus.APPROVED, later, "mgr_chen", T0));

		assertThat(this.overrides.approvedOn(List.of("C-LI-1", "C-LI-2", "C-ZHANG-1", "C-WANG-1", "C-NOPE"), TODAY))
			.containsOnlyKeys("C-WANG-1");
		assertThat(this.overrides.approvedOn(List.of(), TODAY)).isEmpty();
	}

	@Test
	void forADayTwoApprovedOverridesCoverTheNewestWins() {
		// The first expired on 2026-11-10 and was replaced; a re-run for 2026-11-05 sees both cover the day.
		store(override("TO-OLD", "C-LI-1", 1, TierOverrideStatus.APPROVED, LocalDate.of(2026, 11, 10), "mgr_chen", T0));
		store(override("TO-NEW", "C-LI-1", 2, TierOverrideStatus.APPROVED, LocalDate.of(2027, 1, 10), "mgr_he", T0));
		assertThat(this.overrides.approvedOn(List.of("C-LI-1"), LocalDate.of(2026, 11, 5)).get("C-LI-1").id())
			.isEqualTo("TO-NEW");
		assertThat(this.overrides.approvedOn(List.of("C-LI-1"), TODAY).get("C-LI-1").id()).isEqualTo("TO-NEW");
	}

	@Test
	void approvedOnCostsOneQueryForAThousandClients() {
		List<String> ids = IntStream.rangeClosed(1, 1000).mapToObj("C-%04d"::formatted).toList();
		List<TierOverride> approved = new ArrayList<>();
		for (int i = 0; i < 1000; i += 10) {
			approved.add(override("TO-" + i, ids.get(i), 1, TierOverrideStatus.APPROVED, TODAY.plusDays(5), "mgr_he",
					T0));
		}
		this.mongoTemplate.insertAll(approved);
		this.commands.reset();
		assertThat(this.overrides.approvedOn(ids, TODAY)).hasSize(100);
		assertThat(this.commands.dataCommands()).containsExactly("find");
	}

	// ---- Client.tierOverrides ------------------------------------------------------------------------------------

	@Test
	void aClientsOverridesAreListedNewestFirstToWhoeverSeesTheClient() {
		store(override("TO-1", "C-LI-1", 1, TierOverrideStatus.REJECTED, TODAY.plusDays(30), "mgr_chen", T0));
		store(override("TO-2", "C-LI-1", 2, TierOverrideStatus.APPROVED, TODAY.minusDays(1), "mgr_chen",
				T0.plusSeconds(60)));
		store(override("TO-3", "C-LI-1", 3, TierOverrideStatus.PROPOSED, TODAY.plusDays(30), "mgr_he",
				T0.plusSeconds(120)));
		String document = """
				{ client(id: "C-LI-1") { tierOverrides { id status expired tier client { id } } } }""";
		for (String user : List.of("rm_li", "lead_sun", "mgr_chen", "mgr_he", "risk_zhou", "analyst_wu")) {
			as(this.graphQlTester, user).document(document)
				.execute()
				.path("client.tierOverrides[*].id").entityList(String.class).containsExactly("TO-3", "TO-2", "TO-1")
				.path("client.tierOverrides[1].expired").entity(Boolean.class).isEqualTo(true)
				.path("client.tierOverrides[0].expired").entity(Boolean.class).isEqualTo(false)
				.path("client.tierOverrides[0].client.id").entity(String.class).isEqualTo("C-LI-1");
		}
		// Another RM's client does not answer at all; nor its overrides.
		as(this.graphQlTester, "rm_zhao").document(document).execute().path("client").valueIsNull();
	}

	@Test
	void aPageOfFiftyClientsCostsTheSameCommandsForTheirOverridesAsAPageOfTen() {
		new ClientBookFixture(this.mongoTemplate).addBulkClients("rm_li", 60);
		List<TierOverride> stored = new ArrayList<>();
		for (int i = 1; i <= 60; i++) {
			String clientId = "C-BULK-%03d".formatted(i);
			stored.add(override("TO-B1-" + i, clientId, 1, TierOverrideStatus.WITHDRAWN, TODAY.plusDays(9), "mgr_chen",
					T0));
			stored.add(override("TO-B2-" + i, clientId, 2, TierOverrideStatus.PROPOSED, TODAY.plusDays(9), "mgr_chen",
					T0.plusSeconds(1)));
		}
		this.mongoTemplate.insertAll(stored);
		commandsForPage(1);
		List<String> forTen = commandsForPage(10);
		List<String> forFifty = commandsForPage(50);
		// the page; the overrides: one find; their clients: one find
		assertThat(forTen).containsExactlyInAnyOrder("find", "find", "find");
		assertThat(forFifty).containsExactlyInAnyOrderElementsOf(forTen);
	}

	private List<String> commandsForPage(int size) {
		this.commands.reset();
		as(this.graphQlTester, "rm_li").document("""
				query($first: Int) { clients(first: $first, filter: { nameContains: "批量" }) { edges { node {
				  id tierOverrides { id status client { id } }
				} } } }""")
			.variable("first", size)
			.execute()
			.path("clients.edges[*].node.tierOverrides[0].status").entityList(String.class).hasSize(size)
			.satisfies(statuses -> assertThat(statuses).containsOnly("PROPOSED"));
		return this.commands.dataCommands();
	}

	// ---- pendingTierOverrides ------------------------------------------------------------------------------------

	@Test
	void theQueueHoldsWhatTheCallerCouldApproveOldestFirst() {
		store(override("TO-SH-1", "C-XU-1", 1, TierOverrideStatus.PROPOSED, TODAY.plusDays(9), "mgr_he", T0));
		store(override("TO-BJ-1", "C-ZHAO-1", 1, TierOverrideStatus.PROPOSED, TODAY.plusDays(9), "mgr_he",
				T0.plusSeconds(10)));
		store(override("TO-SH-2", "C-LI-1", 1, TierOverrideStatus.PROPOSED, TODAY.plusDays(9), "mgr_chen",
				T0.plusSeconds(20)));
		store(override("TO-SH-3", "C-WANG-1", 1, TierOverrideStatus.PROPOSED, TODAY.plusDays(9), "mgr_he",
				T0.plusSeconds(30)));
		// decided, or past its expiry date: not waiting for anyone
		store(override("TO-DONE", "C-LI-2", 1, TierOverrideStatus.APPROVED, TODAY.plusDays(9), "mgr_he", T0));
		store(override("TO-LAPSED", "C-ZHANG-1", 1, TierOverrideStatus.PROPOSED, TODAY, "mgr_he", T0));

		// mgr_chen: SH only, not his own
		assertThat(pending("mgr_chen")).containsExactly("TO-SH-1", "TO-SH-3");
		// mgr_he: every branch, not his own
		assertThat(pending("mgr_he")).containsExactly("TO-SH-2");
	}

	@Test
	void theQueuePagesWithCursors() {
		for (int i = 0; i < 5; i++) {
			store(override("TO-Q" + i, ClientBookFixture.ALL.get(i), 1, TierOverrideStatus.PROPOSED,
					TODAY.plusDays(9), "mgr_chen", T0.plusSeconds(i)));
		}
		String query = """
				query($after: String) { pendingTierOverrides(first: 2, after: $after) {
				  edges { cursor node { id clientId } } pageInfo { hasNextPage endCursor } } }""";
		List<String> seen = new ArrayList<>();
		String after = null;
		boolean more = true;
		while (more) {
			var response = as(this.graphQlTester, "mgr_he").document(query).variable("after", after).execute();
			seen.addAll(response.path("pendingTierOverrides.edges[*].node.id").entityList(String.class).get());
			more = response.path("pendingTierOverrides.pageInfo.hasNextPage").entity(Boolean.class).get();
			after = response.path("pendingTierOverrides.pageInfo.endCursor").entity(String.class).get();
		}
		assertThat(seen).containsExactly("TO-Q0", "TO-Q1", "TO-Q2", "TO-Q3", "TO-Q4");
	}

	@Test
	void theQueueIsForBranchManagersAndRefusesForeignCursorsAndSizes() {
		for (String user : List.of("rm_li", "lead_sun", "risk_zhou", "analyst_wu", "admin", "auditor_qian")) {
			as(this.graphQlTester, user).document("{ pendingTierOverrides { edges { node { id } } } }")
				.execute()
				.errors()
				.satisfy(errors -> assertThat(errors).singleElement()
					.satisfies(error -> assertThat(error.getErrorType()).isEqualTo(ErrorType.FORBIDDEN)));
		}
		for (String arguments : List.of("first: 101", "first: -1", "after: \"bm90LWEtY3Vyc29y\"")) {
			as(this.graphQlTester, "mgr_he").document("{ pendingTierOverrides(" + arguments + ") { edges { cursor } } }")
				.execute()
				.errors()
				.satisfy(errors -> assertThat(errors).singleElement()
					.satisfies(error -> assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST)));
		}
	}

	// ---- helpers -------------------------------------------------------------------------------------------------

	private List<String> pending(String user) {
		return as(this.graphQlTester, user).document("{ pendingTierOverrides { edges { node { id } } } }")
			.execute()
			.path("pendingTierOverrides.edges[*].node.id")
			.entityList(String.class)
			.get();
	}

	private void store(TierOverride override) {
		this.mongoTemplate.insert(override);
	}

	static TierOverride override(String id, String clientId, int sequence, TierOverrideStatus status,
			LocalDate expiresOn, String maker, Instant proposedAt) {
		boolean decided = status != TierOverrideStatus.PROPOSED;
		return new TierOverride(id, clientId, sequence, ValueTierCode.A, "seeded", expiresOn, status, maker,
				TestIdentityProvider.subjectOf(maker), proposedAt, decided ? "someone" : null,
				decided ? proposedAt.plusSeconds(3600) : null, null, 0L);
	}

}
