package com.corpbank.portal.feedback;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import com.corpbank.portal.support.ClientBookFixture;
import com.corpbank.portal.support.PortalTest;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static com.corpbank.portal.support.Testers.as;
import static com.corpbank.portal.support.Testers.visibleClientIds;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Complaints and satisfaction in each role's scope: the list, the client's nested fields, another RM's client by id,
 * alias and nested path, a handover, the filters and keyset pages; the per-RM trend by the RM's place in the org.
 */
@PortalTest
class FeedbackScopeTests {

	private static final List<String> USERS = List.of("rm_li", "rm_zhang", "rm_wang", "rm_xu", "rm_zhao", "lead_sun",
			"mgr_chen", "mgr_he", "risk_zhou", "analyst_wu", "admin", "auditor_qian");

	@Autowired
	HttpGraphQlTester graphQlTester;

	@Autowired
	MongoTemplate mongoTemplate;

	@BeforeEach
	void oneComplaintAndOneSurveyPerClient() {
		new ClientBookFixture(this.mongoTemplate).load();
		LocalDate today = FeedbackTestData.today();
		int i = 0;
		for (String clientId : ClientBookFixture.ALL) {
			String primary = this.mongoTemplate.findById(clientId, Document.class, "clients")
				.getString("primaryManager");
			FeedbackTestData.complaint(this.mongoTemplate, "CP-" + clientId, clientId, primary,
					(i % 2 == 0) ? ComplaintStatus.OPEN : ComplaintStatus.IN_PROGRESS,
					ComplaintSeverity.values()[i % 4], Duration.ofHours(i));
			FeedbackTestData.survey(this.mongoTemplate, "SV-" + clientId, clientId, primary, SurveyScale.FIVE_POINT,
					1 + i % 5, today);
			i++;
		}
	}

	@Test
	void everyRoleSeesTheComplaintsOfExactlyTheClientsOfItsBookMostUrgentFirst() {
		for (String user : USERS) {
			List<String> visible = visibleClientIds(this.graphQlTester, user);
			GraphQlTester.Response response = as(this.graphQlTester, user).document("""
					{ complaints(first: 100) { totalCount edges { node { clientId slaDueAt } } } }""").execute();
			List<String> clients = response.path("complaints.edges[*].node.clientId").entityList(String.class).get();
			assertThat(new HashSet<>(clients)).as(user).isEqualTo(new HashSet<>(visible));
			response.path("complaints.totalCount").entity(Integer.class).isEqualTo(visible.size());
			List<String> due = response.path("complaints.edges[*].node.slaDueAt").entityList(String.class).get();
			assertThat(due).as(user).isSorted();
		}
	}

	@Test
	void anotherRmsClientIsEmptyByFilterAliasAndNestedPath() {
		as(this.graphQlTester, "rm_li").document("""
				{
				  a: complaints(filter: { clientId: "C-ZHANG-1" }) { totalCount edges { node { id } } }
				  b: complaints(filter: { assignee: "rm_zhang" }) { totalCount }
				  c: client(id: "C-ZHANG-1") { complaints { id } surveyResults { id } }
				  d: clients(first: 20) { edges { node { complaints { clientId client { id } } surveyResults { clientId } } } }
				  e: complaints(filter: { clientId: "C-LI-1" }) { edges { node { client { id complaints { clientId } } } } }
				  f: satisfactionTrend(rmUsername: "rm_zhang", from: "2026-01-01", to: "2026-12-31") { responses }
				}""")
			.execute()
			.path("a.totalCount").entity(Integer.class).isEqualTo(0)
			.path("a.edges").entityList(Object.class).hasSize(0)
			.path("b.totalCount").entity(Integer.class).isEqualTo(0)
			.path("c").valueIsNull()
			.path("d.edges[*].node.complaints[*].clientId").entityList(String.class)
			.satisfies(ids -> assertThat(ids).containsExactlyInAnyOrder("C-LI-1", "C-LI-2", "C-WANG-2"))
			.path("d.edges[*].node.complaints[*].client.id").entityList(String.class)
			.satisfies(ids -> assertThat(ids).containsExactlyInAnyOrder("C-LI-1", "C-LI-2", "C-WANG-2"))
			.path("d.edges[*].node.surveyResults[*].clientId").entityList(String.class)
			.satisfies(ids -> assertThat(ids).containsExactlyInAnyOrder("C-LI-1", "C-LI-2", "C-WANG-2"))
			.path("e.edges[*].node.client.complaints[*].clientId").entityList(String.class).containsExactly("C-LI-1")
			.path("f[*].responses").entityList(Integer.class)
			.satisfies(responses -> assertThat(responses).hasSize(12).containsOnly(0));
	}

	@Test
	void afterAHandoverTheOldRmNoLongerSeesTheClientsComplaints() {
		as(this.graphQlTester, "lead_sun").document("""
				mutation($input: AssignClientInput!) { assignClient(input: $input) { errors { code } } }""")
			.variable("input", Map.of("clientId", "C-LI-1", "primaryManager", "rm_zhang", "coManagers", List.of(),
					"reason", "handover", "expectedVersion", 0))
			.execute()
			.path("assignClient.errors").entityList(Object.class).hasSize(0);
		assertThat(complaintClients("rm_li")).containsExactlyInAnyOrder("C-LI-2", "C-WANG-2");
		assertThat(complaintClients("rm_zhang")).containsExactlyInAnyOrder("C-ZHANG-1", "C-LI-1");
		// The old RM can no longer move it either; the new primary RM can, though it is still assigned to rm_li.
		as(this.graphQlTester, "rm_li").document("""
				mutation { startComplaint(input: { complaintId: "CP-C-LI-1", expectedVersion: 0 }) { errors { code } } }""")
			.execute()
			.path("startComplaint.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
		as(this.graphQlTester, "rm_zhang").document("""
				mutation { assignComplaint(input: { complaintId: "CP-C-LI-1", assignee: "rm_zhang", expectedVersion: 0 }) {
				  complaint { assignee } errors { code } } }""")
			.execute()
			.path("assignComplaint.complaint.assignee").entity(String.class).isEqualTo("rm_zhang");
	}

	@Test
	void filtersAndKeysetPagesWalkTheScopeWithoutGapsOrRepeats() {
		GraphQlTester.Response all = as(this.graphQlTester, "mgr_he").document("""
				{ complaints(first: 100) { edges { node { id status severity } } } }""").execute();
		List<String> ids = all.path("complaints.edges[*].node.id").entityList(String.class).get();
		assertThat(ids).hasSize(9);
		List<String> walked = new ArrayList<>();
		String after = null;
		do {
			GraphQlTester.Response page = as(this.graphQlTester, "mgr_he").document("""
					query($after: String) { complaints(first: 4, after: $after) { totalCount
					  edges { node { id } } pageInfo { hasNextPage endCursor } } }""").variable("after", after).execute();
			page.path("complaints.totalCount").entity(Integer.class).isEqualTo(9);
			walked.addAll(page.path("complaints.edges[*].node.id").entityList(String.class).get());
			boolean next = page.path("complaints.pageInfo.hasNextPage").entity(Boolean.class).get();
			after = next ? page.path("complaints.pageInfo.endCursor").entity(String.class).get() : null;
		}
		while (after != null);
		assertThat(walked).isEqualTo(ids);
		as(this.graphQlTester, "mgr_he").document("""
				{ open: complaints(filter: { status: [OPEN] }) { totalCount }
				  critical: complaints(filter: { severity: CRITICAL, category: SERVICE_QUALITY }) { totalCount }
				  other: complaints(filter: { category: PRODUCT }) { totalCount }
				  rmLi: complaints(filter: { assignee: "rm_li" }) { edges { node { clientId } } } }""")
			.execute()
			.path("open.totalCount").entity(Integer.class).isEqualTo(5)
			.path("critical.totalCount").entity(Integer.class).isEqualTo(2)
			.path("other.totalCount").entity(Integer.class).isEqualTo(0)
			.path("rmLi.edges[*].node.clientId").entityList(String.class)
			.satisfies(clients -> assertThat(clients).containsExactlyInAnyOrder("C-LI-1", "C-LI-2"));
		as(this.graphQlTester, "mgr_he").document("""
				{ complaints(after: "bm90LWEtY3Vyc29y") { totalCount } }""").execute()
			.errors().satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getMessage()).contains("cursor")));
	}

	@Test
	void anRmsTrendIsReadByThemselvesTheirLeadTheirBranchAndHeadOffice() {
		// rm_li (SH-PD-T1, SH) answered for C-LI-1 and C-LI-2; rm_zhao (BJ-HD-T1) for C-ZHAO-1 and C-ZHAO-2
		List<String> allRms = List.of("rm_li", "rm_zhang", "rm_wang", "rm_xu", "rm_zhao");
		Map<String, List<String>> sees = Map.of("rm_li", List.of("rm_li"), "rm_zhao", List.of("rm_zhao"), "lead_sun",
				List.of("rm_li", "rm_zhang"), "mgr_chen", List.of("rm_li", "rm_zhang", "rm_wang", "rm_xu"), "mgr_he",
				allRms, "analyst_wu", allRms);
		sees.forEach((user, visible) -> {
			for (String rm : allRms) {
				int expected = visible.contains(rm) ? answersOf(rm) : 0;
				as(this.graphQlTester, user).document("""
						query($rm: String!, $from: Date!, $to: Date!) {
						  satisfactionTrend(rmUsername: $rm, from: $from, to: $to, granularity: QUARTER) { responses } }""")
					.variable("rm", rm)
					.variable("from", FeedbackTestData.today().withDayOfMonth(1).toString())
					.variable("to", FeedbackTestData.today().toString())
					.execute()
					.path("satisfactionTrend[*].responses").entityList(Integer.class)
					.satisfies(responses -> assertThat(responses).as(user + " on " + rm).containsExactly(expected));
			}
		});
		as(this.graphQlTester, "risk_zhou").document("""
				{ satisfactionTrend(rmUsername: "rm_li", from: "2026-01-01", to: "2026-02-01") { responses } }""")
			.execute()
			.errors().satisfy(errors -> assertThat(errors).isNotEmpty());
	}

	@Test
	void aClientsTrendAveragesEachScaleInTheStore() {
		LocalDate today = FeedbackTestData.today();
		LocalDate lastMonth = today.minusMonths(1);
		FeedbackTestData.survey(this.mongoTemplate, "SV-A", "C-LI-1", "rm_li", SurveyScale.FIVE_POINT, 5, today);
		FeedbackTestData.survey(this.mongoTemplate, "SV-B", "C-LI-1", "rm_li", SurveyScale.FIVE_POINT, 5, today);
		FeedbackTestData.survey(this.mongoTemplate, "SV-C", "C-LI-1", "rm_li", SurveyScale.NPS, 10, lastMonth);
		FeedbackTestData.survey(this.mongoTemplate, "SV-D", "C-LI-1", "rm_li", SurveyScale.NPS, 3, lastMonth);
		FeedbackTestData.survey(this.mongoTemplate, "SV-E", "C-LI-1", "rm_li", SurveyScale.NPS, 8, lastMonth);
		FeedbackTestData.survey(this.mongoTemplate, "SV-OLD", "C-LI-1", "rm_li", SurveyScale.NPS, 0,
				today.minusMonths(3));
		GraphQlTester.Response response = as(this.graphQlTester, "rm_li").document("""
				{ client(id: "C-LI-1") { satisfactionTrend(periods: 2) {
				    period startsOn endsOn responses fivePointResponses fivePointAverage npsResponses npsAverage npsScore } } }""")
			.execute();
		// this month: C-LI-1's fixture answer (1) and two 5s → (1 + 5 + 5) / 3 = 3.67
		response.path("client.satisfactionTrend[*].period").entityList(String.class)
			.containsExactly(lastMonth.toString().substring(0, 7), today.toString().substring(0, 7))
			.path("client.satisfactionTrend[1].fivePointResponses").entity(Integer.class).isEqualTo(3)
			.path("client.satisfactionTrend[1].fivePointAverage").entity(String.class).isEqualTo("3.67")
			.path("client.satisfactionTrend[1].npsScore").valueIsNull()
			// last month: 10, 3, 8 → average 7.00, one promoter and one detractor of three → 0.0
			.path("client.satisfactionTrend[0].responses").entity(Integer.class).isEqualTo(3)
			.path("client.satisfactionTrend[0].npsAverage").entity(String.class).isEqualTo("7.00")
			.path("client.satisfactionTrend[0].npsScore").entity(String.class).isEqualTo("0.0")
			.path("client.satisfactionTrend[0].fivePointAverage").valueIsNull();
	}

	private int answersOf(String rm) {
		return (int) ClientBookFixture.ALL.stream()
			.filter(id -> rm.equals(this.mongoTemplate.findById(id, Document.class, "clients")
				.getString("primaryManager")))
			.count();
	}

	private List<String> complaintClients(String user) {
		return as(this.graphQlTester, user).document("{ complaints { edges { node { clientId } } } }")
			.execute()
			.path("complaints.edges[*].node.clientId")
			.entityList(String.class)
			.get();
	}

}
