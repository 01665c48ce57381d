package com.corpbank.portal.seed;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.corpbank.portal.client.Client;
import com.corpbank.portal.client.EnterpriseSizeClassifier;
import com.corpbank.portal.feedback.Complaint;
import com.corpbank.portal.feedback.ComplaintStatus;
import com.corpbank.portal.feedback.FeedbackProperties;
import com.corpbank.portal.feedback.SatisfactionTrends;
import com.corpbank.portal.feedback.SurveyResult;
import com.corpbank.portal.feedback.TrendGranularity;
import com.corpbank.portal.followup.FollowUpSchedule;
import com.corpbank.portal.industry.IndustryCatalog;
import com.corpbank.portal.support.ClientBookFixture;
import com.corpbank.portal.support.PortalTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static com.corpbank.portal.support.Testers.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo book loaded as at start-up (the service's follow-up schedule and complaint SLAs), its feedback read
 * through GraphQL by rm_li: the complaints list, a client's complaints, survey results and trend, the RM's trend and
 * the complaints on the worklist, each consistent with the stored documents.
 */
@PortalTest
class DemoFeedbackWorkTests {

	private static final ZoneId BANK_ZONE = ZoneId.of("Asia/Shanghai");

	private static final String COMPLAINTS = """
			query($filter: ComplaintFilter) {
			  complaints(filter: $filter, first: 100) {
			    totalCount
			    edges { node { id clientId status assignee overdue version transitions { action to } } }
			  }
			}""";

	private static final String CLIENT = """
			query($id: ID!) {
			  client(id: $id) {
			    id
			    complaints { id status resolution }
			    open: complaints(status: [OPEN, IN_PROGRESS]) { id overdue }
			    surveyResults(first: 50) { id scale score respondedOn rmUsername }
			    satisfactionTrend(granularity: QUARTER, periods: 6) { period responses }
			  }
			}""";

	private static final String RM_TREND = """
			query($rm: String!, $from: Date!, $to: Date!) {
			  satisfactionTrend(rmUsername: $rm, from: $from, to: $to, granularity: MONTH) {
			    period responses fivePointResponses npsResponses
			  }
			}""";

	private static final String WORKLIST = """
			{
			  myWorklist(filter: {kinds: [COMPLAINT]}, first: 100) {
			    totalCount
			    edges { node { kind sourceId clientId overdue } }
			  }
			}""";

	@Autowired
	HttpGraphQlTester graphQlTester;

	@Autowired
	MongoTemplate mongoTemplate;

	@Autowired
	FollowUpSchedule followUps;

	@Autowired
	FeedbackProperties feedback;

	@Autowired
	Clock clock;

	/** The tests only read: the book is loaded once per class, unless something else replaced it in between. */
	private static boolean loaded;

	@BeforeEach
	void loadDemoBook() {
		if (loaded && this.mongoTemplate.count(new Query(), Client.class) == DemoDataGenerator.CLIENT_COUNT
				&& this.mongoTemplate.exists(new Query(Criteria.where("_id").is("CP-C000081-01")), Complaint.class)) {
			return;
		}
		new ClientBookFixture(this.mongoTemplate).clear();
		this.mongoTemplate.remove(new Query(), Complaint.class);
		this.mongoTemplate.remove(new Query(), SurveyResult.class);
		new DemoDataLoader(this.mongoTemplate, new IndustryCatalog(), new EnterpriseSizeClassifier(), this.followUps,
				this.feedback)
			.load();
		loaded = true;
	}

	@Test
	void theComplaintsListShowsAClientsComplaintsAndRmLisOpenOnesAsStored() {
		// C000081 (rm_li's) is shaped for OPEN_COMPLAINTS.
		List<Complaint> stored = this.mongoTemplate.find(new Query(Criteria.where("clientId").is("C000081")),
				Complaint.class);
		assertThat(stored).anyMatch(complaint -> complaint.status().isOpen());
		var response = as(this.graphQlTester, "rm_li").document(COMPLAINTS)
			.variable("filter", Map.of("clientId", "C000081"))
			.execute();
		response.path("complaints.totalCount").entity(Integer.class).isEqualTo(stored.size());
		assertThat(response.path("complaints.edges[*].node.id").entityList(String.class).get())
			.containsExactlyInAnyOrder(stored.stream().map(Complaint::id).toArray(String[]::new));
		assertThat(response.path("complaints.edges[*].node.assignee").entityList(String.class).get()).containsOnly("rm_li");

		List<Complaint> open = this.mongoTemplate.find(new Query(Criteria.where("assignee").is("rm_li")
			.and("status").in(ComplaintStatus.OPEN_STATUSES)), Complaint.class);
		assertThat(open).isNotEmpty();
		var mine = as(this.graphQlTester, "rm_li").document(COMPLAINTS)
			.variable("filter", Map.of("assignee", "rm_li", "status", List.of("OPEN", "IN_PROGRESS")))
			.execute();
		assertThat(mine.path("complaints.edges[*].node.id").entityList(String.class).get())
			.containsExactlyInAnyOrder(open.stream().map(Complaint::id).toArray(String[]::new));
		// Raised in the weeks before the as-of date: past their SLA now.
		assertThat(mine.path("complaints.edges[*].node.overdue").entityList(Boolean.class).get()).containsOnly(true);
	}

	@Test
	void aClientAnswersItsComplaintsSurveyResultsAndTrendAsStored() {
		// rm_li's first client with both surveys and complaints.
		List<Client> book = this.mongoTemplate.find(
				new Query(Criteria.where("primaryManager").is("rm_li")).with(Sort.by("_id")), Client.class);
		Client client = book.stream()
			.filter(candidate -> this.mongoTemplate.exists(
					new Query(Criteria.where("clientId").is(candidate.id())), SurveyResult.class)
					&& this.mongoTemplate.exists(new Query(Criteria.where("clientId").is(candidate.id())),
							Complaint.class))
			.findFirst()
			.orElseThrow();
		List<Complaint> complaints = this.mongoTemplate.find(new Query(Criteria.where("clientId").is(client.id())),
				Complaint.class);
		List<SurveyResult> surveys = this.mongoTemplate.find(new Query(Criteria.where("clientId").is(client.id()))
			.with(Sort.by(Sort.Direction.DESC, "respondedOn")), SurveyResult.class);
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), BANK_ZONE);
		List<SatisfactionTrends.Period> periods = SatisfactionTrends.lastPeriods(TrendGranularity.QUARTER, 6, today);
		LocalDate from = periods.get(0).startsOn();
		LocalDate to = periods.get(periods.size() - 1).endsOn();

		var response = as(this.graphQlTester, "rm_li").document(CLIENT).variable("id", client.id()).execute();
		assertThat(response.path("client.complaints[*].id").entityList(String.class).get())
			.containsExactlyInAnyOrder(complaints.stream().map(Complaint::id).toArray(String[]::new));
		assertThat(response.path("client.open[*].id").entityList(String.class).get())
			.containsExactlyInAnyOrder(complaints.stream()
				.filter(complaint -> complaint.status().isOpen())
				.map(Complaint::id)
				.toArray(String[]::new));
		assertThat(response.path("client.surveyResults[*].id").entityList(String.class).get())
			.containsExactlyInAnyOrder(surveys.stream().map(SurveyResult::id).toArray(String[]::new));
		assertThat(response.path("client.surveyResults[*].rmUsername").entityList(String.class).get()).containsOnly("rm_li");
		int inTrend = (int) surveys.stream()
			.filter(survey -> !survey.respondedOn().isBefore(from) && !survey.respondedOn().isAfter(to))
			.count();
		assertThat(inTrend).isPositive();
		response.path("client.satisfactionTrend[*].responses").entityList(Integer.class).satisfies(responses -> {
			assertThat(responses).hasSize(6);
			assertThat(responses.stream().mapToInt(Integer::intValue).sum()).isEqualTo(inTrend);
		});
	}

	@Test
	void rmLisTrendCountsEveryAnswerOfTheirClientsInItsMonth() {
		List<SurveyResult> surveys = this.mongoTemplate.find(new Query(Criteria.where("rmUsername").is("rm_li")),
				SurveyResult.class);
		assertThat(surveys).hasSizeGreaterThan(10);
		Map<String, Long> byMonth = surveys.stream()
			.collect(Collectors.groupingBy(SurveyResult::respondedMonth, Collectors.counting()));
		var response = as(this.graphQlTester, "rm_li").document(RM_TREND)
			.variable("rm", "rm_li")
			.variable("from", DemoFeedback.WINDOW_FROM.withDayOfMonth(1).toString())
			.variable("to", RelationshipHistory.AS_OF.toString())
			.execute();
		List<String> labels = response.path("satisfactionTrend[*].period").entityList(String.class).get();
		List<Integer> responses = response.path("satisfactionTrend[*].responses").entityList(Integer.class).get();
		assertThat(labels).hasSize(13).startsWith("2025-11").endsWith("2026-11");
		for (int i = 0; i < labels.size(); i++) {
			assertThat(responses.get(i)).as(labels.get(i)).isEqualTo(byMonth.getOrDefault(labels.get(i), 0L).intValue());
		}
		assertThat(responses.stream().mapToInt(Integer::intValue).sum()).isEqualTo(surveys.size());
	}

	@Test
	void rmLisWorklistHasTheOpenComplaintsOfTheirBookAllOverdue() {
		Set<String> book = this.mongoTemplate.find(new Query(Criteria.where("managerUsernames").is("rm_li")),
				Client.class).stream().map(Client::id).collect(Collectors.toSet());
		List<Complaint> openInBook = this.mongoTemplate.find(new Query(Criteria.where("status")
			.in(ComplaintStatus.OPEN_STATUSES)
			.and("clientId")
			.in(book)), Complaint.class);
		Set<String> assignedToLi = openInBook.stream()
			.filter(complaint -> complaint.assignee().equals("rm_li"))
			.map(Complaint::id)
			.collect(Collectors.toSet());
		assertThat(assignedToLi).isNotEmpty();
		var response = as(this.graphQlTester, "rm_li").document(WORKLIST).execute();
		assertThat(response.path("myWorklist.edges[*].node.kind").entityList(String.class).get()).containsOnly("COMPLAINT");
		assertThat(response.path("myWorklist.edges[*].node.overdue").entityList(Boolean.class).get()).containsOnly(true);
		List<String> items = response.path("myWorklist.edges[*].node.sourceId").entityList(String.class).get();
		assertThat(items).containsAll(assignedToLi)
			.isSubsetOf(openInBook.stream().map(Complaint::id).collect(Collectors.toSet()));
	}

}
