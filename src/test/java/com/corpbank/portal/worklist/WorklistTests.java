package com.corpbank.portal.worklist;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.corpbank.portal.churn.ChurnAlertStatus;
import com.corpbank.portal.override.TierOverrideStatus;
import com.corpbank.portal.support.ClientBookFixture;
import com.corpbank.portal.support.PortalTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static com.corpbank.portal.support.Testers.as;
import static com.corpbank.portal.worklist.WorklistTestConfiguration.NOW;
import static com.corpbank.portal.worklist.WorklistTestConfiguration.TODAY;
import static com.corpbank.portal.worklist.WorklistTestData.startOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worklists over the fixture book (see {@link ClientBookFixture}) with a known set of items, today being
 * 2026-11-20 (10:00 Beijing): the urgency order, paging, the horizons, and who sees what.
 */
@PortalTest
@Import(WorklistTestConfiguration.class)
class WorklistTests {

	static final String MY = """
			query($filter: MyWorklistFilter, $first: Int, $after: String) {
			  myWorklist(filter: $filter, first: $first, after: $after) {
			    totalCount
			    edges { cursor node { id kind sourceId clientId rmUsername dueAt overdue overdueDays title client { id } } }
			    pageInfo { hasNextPage endCursor }
			  } }""";

	static final String TEAM = """
			query($filter: TeamWorklistFilter, $first: Int, $after: String) {
			  teamWorklist(filter: $filter, first: $first, after: $after) {
			    totalCount
			    edges { cursor node { id kind clientId rmUsername overdue } }
			    pageInfo { hasNextPage endCursor }
			  } }""";

	static final String SUMMARY = """
			{ branchWorklistSummary { asOf totalCount overdueCount byKind { kind count overdueCount }
			    byManager { rmUsername totalCount overdueCount byKind { kind count overdueCount } } } }""";

	/** A moment that three kinds share: the start of 2026-11-19 in Beijing (a follow-up due 11-18 turns overdue). */
	static final Instant TIE = startOf(LocalDate.of(2026, 11, 19));

	/** rm_li's worklist, most urgent first. */
	static final List<String> RM_LI = List.of("COMPLAINT:CP-1", "COMPLAINT:CP-2", "CHURN_ALERT:CA-1",
			"FOLLOW_UP:C-LI-1", "COMPLAINT:CP-0", "FOLLOW_UP:C-LI-2", "TIER_OVERRIDE_EXPIRY:OV-1");

	@Autowired
	HttpGraphQlTester graphQlTester;

	@Autowired
	MongoTemplate mongoTemplate;

	@BeforeEach
	void items() {
		new ClientBookFixture(this.mongoTemplate).load();
		new WorklistTestData(this.mongoTemplate)
			// rm_li's: three kinds due at the same instant, and ties within a kind broken by id
			.complaint("CP-2", "C-LI-1", "IN_PROGRESS", TIE, "rm_li")
			.complaint("CP-1", "C-LI-2", "OPEN", TIE, "rm_wang")
			.churnAlert("CA-1", "C-WANG-2", ChurnAlertStatus.ACKNOWLEDGED, TIE.minus(java.time.Duration.ofDays(3)))
			.followUp("C-LI-1", LocalDate.of(2026, 11, 18), "rm_li")
			.complaint("CP-0", "C-LI-1", "OPEN", Instant.parse("2026-11-21T02:00:00Z"), "rm_li")
			.followUp("C-LI-2", LocalDate.of(2026, 11, 30), "rm_li")
			.override("OV-1", "C-LI-1", 1, TierOverrideStatus.APPROVED, LocalDate.of(2026, 12, 10))
			// not on anyone's worklist: closed, resolved, proposed, beyond the horizons
			.churnAlert("CA-9", "C-LI-1", ChurnAlertStatus.CLOSED, Instant.parse("2026-10-01T02:00:00Z"))
			.complaint("CP-9", "C-LI-1", "RESOLVED", TIE, "rm_li")
			.complaint("CP-8", "C-LI-2", "CLOSED", TIE, "rm_li")
			.override("OV-9", "C-LI-2", 1, TierOverrideStatus.PROPOSED, LocalDate.of(2026, 12, 1))
			.override("OV-8", "C-LI-2", 2, TierOverrideStatus.APPROVED, LocalDate.of(2027, 3, 1))
			// C-WANG-2 is co-served by rm_li: its follow-up is rm_wang's
			.followUp("C-WANG-2", LocalDate.of(2026, 11, 19), "rm_wang")
			// other RMs' clients
			.complaint("CP-5", "C-ZHANG-1", "OPEN", Instant.parse("2026-11-01T02:00:00Z"), "rm_li")
			.followUp("C-ZHANG-1", LocalDate.of(2026, 11, 10), "rm_zhang")
			.churnAlert("CA-5", "C-WANG-1", ChurnAlertStatus.OPEN, Instant.parse("2026-11-19T02:00:00Z"))
			.followUp("C-XU-1", LocalDate.of(2026, 11, 25), "rm_xu")
			.churnAlert("CA-6", "C-ZHAO-1", ChurnAlertStatus.OPEN, Instant.parse("2026-11-10T02:00:00Z"))
			.followUp("C-ZHAO-2", LocalDate.of(2026, 12, 1), "rm_zhao");
	}

	@Test
	void itemsComeByDueThenKindThenIdWithOverdueFirst() {
		GraphQlTester.Response response = my("rm_li", Map.of());
		response.path("myWorklist.edges[*].node.id").entityList(String.class).containsExactly(RM_LI.toArray(String[]::new))
			.path("myWorklist.totalCount").entity(Integer.class).isEqualTo(RM_LI.size())
			.path("myWorklist.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false)
			.path("myWorklist.edges[*].node.overdue").entityList(Boolean.class)
			.containsExactly(true, true, true, true, false, false, false)
			// 10:00 on 11-20, due at 00:00 on 11-19: the second day overdue (a follow-up due 11-18 is 2 days late)
			.path("myWorklist.edges[*].node.overdueDays").entityList(Integer.class).containsExactly(2, 2, 2, 2, 0, 0, 0)
			.path("myWorklist.edges[*].node.dueAt").entityList(String.class)
			.containsExactly("2026-11-18T16:00:00Z", "2026-11-18T16:00:00Z", "2026-11-18T16:00:00Z",
					"2026-11-18T16:00:00Z", "2026-11-21T02:00:00Z", "2026-11-30T16:00:00Z", "2026-12-09T16:00:00Z")
			.path("myWorklist.edges[*].node.sourceId").entityList(String.class)
			.containsExactly("CP-1", "CP-2", "CA-1", "C-LI-1", "CP-0", "C-LI-2", "OV-1")
			.path("myWorklist.edges[*].node.rmUsername").entityList(String.class)
			.containsExactly("rm_li", "rm_li", "rm_wang", "rm_li", "rm_li", "rm_li", "rm_li")
			.path("myWorklist.edges[3].node.title").entity(String.class)
			.isEqualTo("定期回访 Follow-up due on 2026-11-18 (tier A cadence)")
			.path("myWorklist.edges[2].node.title").entity(String.class)
			.isEqualTo("流失预警 Churn alert (ACKNOWLEDGED): DEPOSITS_FALLING")
			.path("myWorklist.edges[6].node.title").entity(String.class)
			.isEqualTo("分层调整到期 Tier override to A expires on 2026-12-10");
	}

	@Test
	void pagesOfEverySizeWalkTheSameOrderWithoutGapsOrRepeats() {
		for (int size = 1; size <= RM_LI.size(); size++) {
			List<String> seen = new ArrayList<>();
			String after = null;
			boolean more = true;
			int pages = 0;
			while (more) {
				Map<String, Object> variables = new HashMap<>(Map.of("first", size));
				if (after != null) {
					variables.put("after", after);
				}
				GraphQlTester.Response page = my("rm_li", variables);
				List<String> ids = page.path("myWorklist.edges[*].node.id").entityList(String.class).get();
				seen.addAll(ids);
				more = page.path("myWorklist.pageInfo.hasNextPage").entity(Boolean.class).get();
				after = page.path("myWorklist.pageInfo.endCursor").entity(String.class).get();
				assertThat(++pages).as("size " + size).isLessThanOrEqualTo(RM_LI.size());
			}
			assertThat(seen).as("size " + size).containsExactlyElementsOf(RM_LI);
		}
	}

	@Test
	void anEdgeCursorResumesRightAfterItsItem() {
		List<String> cursors = my("rm_li", Map.of()).path("myWorklist.edges[*].cursor").entityList(String.class).get();
		for (int i = 0; i < cursors.size(); i++) {
			assertThat(my("rm_li", Map.of("after", cursors.get(i))).path("myWorklist.edges[*].node.id")
				.entityList(String.class)
				.get()).as("after " + RM_LI.get(i)).containsExactlyElementsOf(RM_LI.subList(i + 1, RM_LI.size()));
		}
	}

	@Test
	void theFilterSelectsKindsAndOverdueItems() {
		my("rm_li", Map.of("filter", Map.of("kinds", List.of("COMPLAINT", "TIER_OVERRIDE_EXPIRY"))))
			.path("myWorklist.edges[*].node.id").entityList(String.class)
			.containsExactly("COMPLAINT:CP-1", "COMPLAINT:CP-2", "COMPLAINT:CP-0", "TIER_OVERRIDE_EXPIRY:OV-1")
			.path("myWorklist.totalCount").entity(Integer.class).isEqualTo(4);
		my("rm_li", Map.of("filter", Map.of("overdueOnly", true))).path("myWorklist.edges[*].node.id")
			.entityList(String.class).containsExactly(RM_LI.subList(0, 4).toArray(String[]::new))
			.path("myWorklist.totalCount").entity(Integer.class).isEqualTo(4);
	}

	@Test
	void horizonsHoldAtTheirBoundaries() {
		new ClientBookFixture(this.mongoTemplate).addBulkClients("rm_zhang", 8);
		new WorklistTestData(this.mongoTemplate)
			// follow-ups: due today + 14 is listed, a day later is not; due today is not overdue, yesterday is
			.followUp("C-BULK-001", TODAY.plusDays(14), "rm_zhang")
			.followUp("C-BULK-002", TODAY.plusDays(15), "rm_zhang")
			.followUp("C-BULK-003", TODAY, "rm_zhang")
			// overrides: expiring today + 30 is listed, + 31 is not; expiring today no longer applies, tomorrow does
			.override("OV-B4", "C-BULK-004", 1, TierOverrideStatus.APPROVED, TODAY.plusDays(30))
			.override("OV-B5", "C-BULK-005", 1, TierOverrideStatus.APPROVED, TODAY.plusDays(31))
			.override("OV-B6", "C-BULK-006", 1, TierOverrideStatus.APPROVED, TODAY)
			.override("OV-B7", "C-BULK-007", 1, TierOverrideStatus.APPROVED, TODAY.plusDays(1))
			// churn alerts: due three days after opening; due exactly now is overdue, a second later is not
			.churnAlert("CA-B1", "C-BULK-001", ChurnAlertStatus.OPEN, NOW.minus(java.time.Duration.ofDays(3)))
			.churnAlert("CA-B2", "C-BULK-002", ChurnAlertStatus.ACTIONED,
					NOW.minus(java.time.Duration.ofDays(3)).plusSeconds(1))
			// complaints: an SLA now is overdue, a second later is not
			.complaint("CP-B8", "C-BULK-008", "OPEN", NOW, "rm_zhang")
			.complaint("CP-B9", "C-BULK-008", "OPEN", NOW.plusSeconds(1), "rm_zhang");

		GraphQlTester.Response response = my("rm_zhang", Map.of("first", 50));
		List<String> ids = response.path("myWorklist.edges[*].node.id").entityList(String.class).get();
		assertThat(ids).contains("FOLLOW_UP:C-BULK-001", "FOLLOW_UP:C-BULK-003", "TIER_OVERRIDE_EXPIRY:OV-B4",
				"TIER_OVERRIDE_EXPIRY:OV-B7", "CHURN_ALERT:CA-B1", "CHURN_ALERT:CA-B2", "COMPLAINT:CP-B8",
				"COMPLAINT:CP-B9")
			.doesNotContain("FOLLOW_UP:C-BULK-002", "TIER_OVERRIDE_EXPIRY:OV-B5", "TIER_OVERRIDE_EXPIRY:OV-B6");
		Map<String, Boolean> overdue = new HashMap<>();
		List<Boolean> flags = response.path("myWorklist.edges[*].node.overdue").entityList(Boolean.class).get();
		for (int i = 0; i < ids.size(); i++) {
			overdue.put(ids.get(i), flags.get(i));
		}
		assertThat(overdue).containsEntry("FOLLOW_UP:C-ZHANG-1", true)
			.containsEntry("FOLLOW_UP:C-BULK-003", false)
			.containsEntry("FOLLOW_UP:C-BULK-001", false)
			.containsEntry("TIER_OVERRIDE_EXPIRY:OV-B7", false)
			.containsEntry("CHURN_ALERT:CA-B1", true)
			.containsEntry("CHURN_ALERT:CA-B2", false)
			.containsEntry("COMPLAINT:CP-B8", true)
			.containsEntry("COMPLAINT:CP-B9", false);
	}

	@Test
	void anRmSeesOnlyTheItemsOfTheirOwnClientsAndTheFollowUpsDueFromThem() {
		my("rm_zhang", Map.of()).path("myWorklist.edges[*].node.id").entityList(String.class)
			.containsExactly("COMPLAINT:CP-5", "FOLLOW_UP:C-ZHANG-1");
		// rm_wang: their own C-WANG-1 and C-WANG-2 (with its follow-up), and the co-served C-LI-2 without its follow-up
		my("rm_wang", Map.of()).path("myWorklist.edges[*].node.id").entityList(String.class)
			.containsExactly("COMPLAINT:CP-1", "CHURN_ALERT:CA-1", "FOLLOW_UP:C-WANG-2", "CHURN_ALERT:CA-5");
		// a complaint assigned to rm_li on rm_zhang's client is not rm_li's to see
		assertThat(my("rm_li", Map.of()).path("myWorklist.edges[*].node.clientId").entityList(String.class).get())
			.containsOnly("C-LI-1", "C-LI-2", "C-WANG-2");
		my("rm_liu", Map.of()).path("myWorklist.totalCount").entity(Integer.class).isEqualTo(0)
			.path("myWorklist.edges").entityList(Object.class).hasSize(0);
	}

	@Test
	void aliasesAndTheNestedClientStayInScope() {
		GraphQlTester.Response response = as(this.graphQlTester, "rm_li").document("""
				{ a: myWorklist(filter: {kinds: [COMPLAINT]}) { totalCount edges { node { clientId client { id name } } } }
				  b: myWorklist(filter: {kinds: [FOLLOW_UP]}, first: 1) { edges { node { client { id nextFollowUp { dueOn } } } } }
				  c: client(id: "C-ZHANG-1") { id } }""").execute();
		response.path("a.totalCount").entity(Integer.class).isEqualTo(3)
			.path("a.edges[*].node.client.id").entityList(String.class).containsExactly("C-LI-2", "C-LI-1", "C-LI-1")
			.path("a.edges[*].node.client.name").entityList(String.class)
			.containsExactly("上海浦江生物医药股份有限公司", "上海东方精密机械有限公司", "上海东方精密机械有限公司")
			.path("b.edges[0].node.client.id").entity(String.class).isEqualTo("C-LI-1")
			.path("b.edges[0].node.client.nextFollowUp.dueOn").entity(String.class).isEqualTo("2026-11-18")
			.path("c").valueIsNull();
	}

	@Test
	void aTeamLeadSeesTheTeamsItemsEachNamingItsRm() {
		// SH-PD-T1: rm_li and rm_zhang, and C-WANG-2 which rm_li co-serves (its follow-up is rm_wang's)
		List<String> ids = team("lead_sun", Map.of()).path("teamWorklist.edges[*].node.id").entityList(String.class)
			.get();
		assertThat(ids).containsExactly("COMPLAINT:CP-5", "FOLLOW_UP:C-ZHANG-1", "COMPLAINT:CP-1", "COMPLAINT:CP-2",
				"CHURN_ALERT:CA-1", "FOLLOW_UP:C-LI-1", "FOLLOW_UP:C-WANG-2", "COMPLAINT:CP-0", "FOLLOW_UP:C-LI-2",
				"TIER_OVERRIDE_EXPIRY:OV-1");
		team("lead_sun", Map.of("filter", Map.of("rmUsername", "rm_zhang"))).path("teamWorklist.edges[*].node.id")
			.entityList(String.class).containsExactly("COMPLAINT:CP-5", "FOLLOW_UP:C-ZHANG-1")
			.path("teamWorklist.edges[*].node.rmUsername").entityList(String.class).satisfies(rms -> assertThat(rms).containsOnly("rm_zhang"));
		team("lead_sun", Map.of("filter", Map.of("rmUsername", "rm_wang"))).path("teamWorklist.edges[*].node.id")
			.entityList(String.class).containsExactly("CHURN_ALERT:CA-1", "FOLLOW_UP:C-WANG-2");
		// an RM of another branch has nothing in this team's book
		team("lead_sun", Map.of("filter", Map.of("rmUsername", "rm_zhao"))).path("teamWorklist.totalCount")
			.entity(Integer.class).isEqualTo(0);
		team("lead_sun", Map.of("filter", Map.of("kinds", List.of("CHURN_ALERT"), "overdueOnly", true)))
			.path("teamWorklist.edges[*].node.id").entityList(String.class).containsExactly("CHURN_ALERT:CA-1");
	}

	@Test
	void aHandoverMovesTheItemsToTheNewRmAtOnce() {
		as(this.graphQlTester, "lead_sun").document("""
				mutation($input: AssignClientInput!) { assignClient(input: $input) { errors { code } } }""")
			.variable("input", Map.of("clientId", "C-LI-1", "primaryManager", "rm_zhang", "coManagers", List.of(),
					"reason", "handover", "expectedVersion", 0))
			.execute()
			.path("assignClient.errors").entityList(Object.class).hasSize(0);

		my("rm_li", Map.of()).path("myWorklist.edges[*].node.id").entityList(String.class)
			.containsExactly("COMPLAINT:CP-1", "CHURN_ALERT:CA-1", "FOLLOW_UP:C-LI-2");
		my("rm_zhang", Map.of()).path("myWorklist.edges[*].node.id").entityList(String.class)
			.containsExactly("COMPLAINT:CP-5", "FOLLOW_UP:C-ZHANG-1", "COMPLAINT:CP-2", "FOLLOW_UP:C-LI-1",
					"COMPLAINT:CP-0", "TIER_OVERRIDE_EXPIRY:OV-1")
			.path("myWorklist.edges[*].node.rmUsername").entityList(String.class).satisfies(rms -> assertThat(rms).containsOnly("rm_zhang"));
	}

	@Test
	void theBranchSummaryCountsExactlyTheItemsOfTheBranch() {
		for (String manager : List.of("mgr_chen", "mgr_he")) {
			List<Map<String, Object>> items = team(manager, Map.of("first", 100))
				.path("teamWorklist.edges[*].node").entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
				}).get();
			Map<String, long[]> expected = new java.util.TreeMap<>();
			for (Map<String, Object> item : items) {
				long[] counts = expected.computeIfAbsent(item.get("rmUsername") + "/" + item.get("kind"), key -> new long[2]);
				counts[0]++;
				counts[1] += Boolean.TRUE.equals(item.get("overdue")) ? 1 : 0;
			}
			GraphQlTester.Response summary = as(this.graphQlTester, manager).document(SUMMARY).execute();
			Map<String, long[]> counted = new java.util.TreeMap<>();
			List<Map<String, Object>> managers = summary.path("branchWorklistSummary.byManager")
				.entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
				}).get();
			long total = 0;
			long overdue = 0;
			for (Map<String, Object> rm : managers) {
				long rmTotal = 0;
				for (Object kind : (List<?>) rm.get("byKind")) {
					Map<?, ?> count = (Map<?, ?>) kind;
					counted.put(rm.get("rmUsername") + "/" + count.get("kind"), new long[] {
							((Number) count.get("count")).longValue(), ((Number) count.get("overdueCount")).longValue() });
					rmTotal += ((Number) count.get("count")).longValue();
				}
				assertThat(((Number) rm.get("totalCount")).longValue()).as(manager + " " + rm.get("rmUsername"))
					.isEqualTo(rmTotal);
				total += rmTotal;
				overdue += ((Number) rm.get("overdueCount")).longValue();
			}
			assertThat(counted).as(manager).containsOnlyKeys(expected.keySet());
			expected.forEach((key, counts) -> assertThat(counted.get(key)).as(manager + " " + key).containsExactly(counts));
			summary.path("branchWorklistSummary.totalCount").entity(Long.class).isEqualTo((long) items.size())
				.path("branchWorklistSummary.totalCount").entity(Long.class).isEqualTo(total)
				.path("branchWorklistSummary.overdueCount").entity(Long.class).isEqualTo(overdue)
				.path("branchWorklistSummary.asOf").entity(String.class).isEqualTo("2026-11-20T02:00:00Z")
				.path("branchWorklistSummary.byKind[*].kind").entityList(String.class)
				.containsExactly("COMPLAINT", "CHURN_ALERT", "FOLLOW_UP", "TIER_OVERRIDE_EXPIRY");
		}
		// mgr_chen (branch SH): every fixture item but the Beijing ones; C-ZHAO-2 is co-served from Shanghai
		as(this.graphQlTester, "mgr_chen").document(SUMMARY).execute()
			.path("branchWorklistSummary.totalCount").entity(Integer.class).isEqualTo(13)
			.path("branchWorklistSummary.byManager[*].rmUsername").entityList(String.class)
			.containsExactly("rm_li", "rm_wang", "rm_xu", "rm_zhang", "rm_zhao");
		as(this.graphQlTester, "mgr_he").document(SUMMARY).execute()
			.path("branchWorklistSummary.totalCount").entity(Integer.class).isEqualTo(14)
			.path("branchWorklistSummary.overdueCount").entity(Integer.class).isEqualTo(8);
	}

	@Test
	void otherRolesAreRefused() {
		for (String user : List.of("lead_sun", "mgr_chen", "risk_zhou", "analyst_wu", "admin", "auditor_qian")) {
			forbidden(user, MY, "myWorklist");
		}
		for (String user : List.of("rm_li", "risk_zhou", "analyst_wu", "admin", "auditor_qian")) {
			forbidden(user, TEAM, "teamWorklist");
		}
		for (String user : List.of("rm_li", "lead_sun", "risk_zhou", "analyst_wu", "admin", "auditor_qian")) {
			forbidden(user, SUMMARY, "branchWorklistSummary");
		}
	}

	private void forbidden(String user, String document, String field) {
		as(this.graphQlTester, user).document(document).execute().errors()
			.satisfy(errors -> assertThat(errors).as(user + " " + field).singleElement().satisfies(error -> {
				assertThat(error.getExtensions()).containsEntry("classification", "FORBIDDEN");
				assertThat(error.getPath()).isEqualTo(field);
			}));
	}

	private GraphQlTester.Response my(String user, Map<String, Object> variables) {
		return as(this.graphQlTester, user).document(MY).variables(variables).execute();
	}

	private GraphQlTester.Response team(String user, Map<String, Object> variables) {
		return as(this.graphQlTester, user).document(TEAM).variables(variables).execute();
	}

}
