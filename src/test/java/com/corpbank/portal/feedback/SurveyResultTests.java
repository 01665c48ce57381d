package com.corpbank.portal.feedback;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.corpbank.portal.support.ClientBookFixture;
import com.corpbank.portal.support.PortalTest;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static com.corpbank.portal.support.Testers.as;
import static org.assertj.core.api.Assertions.assertThat;

/** recordSurveyResult: who, the score range of each scale, the answer date, the RM it counts for, the audit event. */
@PortalTest
class SurveyResultTests {

	@Autowired
	HttpGraphQlTester graphQlTester;

	@Autowired
	MongoTemplate mongoTemplate;

	@BeforeEach
	void loadBook() {
		new ClientBookFixture(this.mongoTemplate).load();
	}

	@Test
	void aCoRmRecordsAResultThatCountsForThePrimaryRmAndIsAudited() {
		GraphQlTester.Response response = record("rm_wang", input("C-LI-2", "NPS", 9, FeedbackTestData.today()));
		response.path("recordSurveyResult.errors").entityList(Object.class).hasSize(0);
		Map<String, Object> result = response.path("recordSurveyResult.surveyResult").entity(Map.class).get();
		assertThat(result).containsEntry("scale", "NPS")
			.containsEntry("score", 9)
			.containsEntry("rmUsername", "rm_li")
			.containsEntry("recordedBy", "rm_wang")
			.containsEntry("comments", "服务很好")
			.containsEntry("respondedOn", FeedbackTestData.today().toString())
			.containsEntry("version", 0);
		Document stored = this.mongoTemplate.findById(result.get("id"), Document.class, "surveys");
		assertThat(stored.getString("npsBand")).isEqualTo("PROMOTER");
		assertThat(stored.getString("respondedMonth")).isEqualTo(FeedbackTestData.today().toString().substring(0, 7));
		List<Document> events = this.mongoTemplate.find(new Query(Criteria.where("entityId").is(result.get("id"))),
				Document.class, "audit_events");
		assertThat(events).singleElement().satisfies(event -> {
			assertThat(event.getString("operation")).isEqualTo("recordSurveyResult");
			assertThat(event.getString("entityType")).isEqualTo("SurveyResult");
			assertThat(event.getString("clientId")).isEqualTo("C-LI-2");
		});
	}

	@Test
	void eachScaleTakesItsOwnRangeOnly() {
		LocalDate day = FeedbackTestData.today().minusDays(3);
		for (int score : new int[] { 1, 5 }) {
			record("rm_li", input("C-LI-1", "FIVE_POINT", score, day)).path("recordSurveyResult.errors")
				.entityList(Object.class).hasSize(0);
		}
		for (int score : new int[] { 0, 10 }) {
			record("rm_li", input("C-LI-1", "NPS", score, day)).path("recordSurveyResult.errors")
				.entityList(Object.class).hasSize(0);
		}
		for (Object[] bad : new Object[][] { { "FIVE_POINT", 0 }, { "FIVE_POINT", 6 }, { "NPS", -1 }, { "NPS", 11 } }) {
			record("rm_li", input("C-LI-1", (String) bad[0], (Integer) bad[1], day))
				.path("recordSurveyResult.errors[0].code").entity(String.class).isEqualTo("VALIDATION")
				.path("recordSurveyResult.errors[0].field").entityList(String.class).containsExactly("input", "score")
				.path("recordSurveyResult.surveyResult").valueIsNull();
		}
		assertThat(this.mongoTemplate.count(new Query(), "surveys")).isEqualTo(4);
	}

	@Test
	void theAnswerDateIsNotInTheFuture() {
		record("rm_li", input("C-LI-1", "FIVE_POINT", 3, FeedbackTestData.today().plusDays(1)))
			.path("recordSurveyResult.errors[0].field").entityList(String.class).containsExactly("input", "respondedOn");
		record("rm_li", input("C-LI-1", "FIVE_POINT", 3, LocalDate.of(1999, 12, 31)))
			.path("recordSurveyResult.errors[0].field").entityList(String.class).containsExactly("input", "respondedOn");
		Map<String, Object> comments = input("C-LI-1", "FIVE_POINT", 3, FeedbackTestData.today());
		comments.put("comments", "x".repeat(2001));
		record("rm_li", comments).path("recordSurveyResult.errors[0].field").entityList(String.class)
			.containsExactly("input", "comments");
		assertThat(this.mongoTemplate.count(new Query(), "surveys")).isZero();
	}

	@Test
	void onlyTheClientsOwnRmsRecord() {
		record("rm_zhang", input("C-LI-1", "FIVE_POINT", 4, FeedbackTestData.today()))
			.path("recordSurveyResult.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
		record("lead_sun", input("C-LI-1", "FIVE_POINT", 4, FeedbackTestData.today()))
			.path("recordSurveyResult.errors[0].code").entity(String.class).isEqualTo("FORBIDDEN");
		assertThat(this.mongoTemplate.count(new Query(), "surveys")).isZero();
	}

	@Test
	void aClientsResultsAreListedNewestFirstUpToFirst() {
		LocalDate today = FeedbackTestData.today();
		FeedbackTestData.survey(this.mongoTemplate, "SV-1", "C-LI-1", "rm_li", SurveyScale.FIVE_POINT, 4,
				today.minusDays(30));
		FeedbackTestData.survey(this.mongoTemplate, "SV-2", "C-LI-1", "rm_li", SurveyScale.NPS, 8, today.minusDays(1));
		FeedbackTestData.survey(this.mongoTemplate, "SV-3", "C-LI-1", "rm_li", SurveyScale.FIVE_POINT, 2,
				today.minusDays(10));
		as(this.graphQlTester, "lead_sun").document("""
				{ client(id: "C-LI-1") { all: surveyResults { id } two: surveyResults(first: 2) { id } } }""")
			.execute()
			.path("client.all[*].id").entityList(String.class).containsExactly("SV-2", "SV-3", "SV-1")
			.path("client.two[*].id").entityList(String.class).containsExactly("SV-2", "SV-3");
	}

	private GraphQlTester.Response record(String user, Map<String, Object> input) {
		return as(this.graphQlTester, user).document("""
				mutation($input: RecordSurveyResultInput!) {
				  recordSurveyResult(input: $input) {
				    surveyResult { id clientId scale score comments channel respondedOn rmUsername recordedBy recordedAt version }
				    errors { code field message }
				  }
				}""").variable("input", input).execute();
	}

	private static Map<String, Object> input(String clientId, String scale, int score, LocalDate respondedOn) {
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("clientId", clientId);
		input.put("scale", scale);
		input.put("score", score);
		input.put("channel", "PHONE");
		input.put("respondedOn", respondedOn.toString());
		input.put("comments", "服务很好");
		return input;
	}

}
