package com.corpbank.portal.feedback;

import java.time.LocalDate;
import java.util.List;

import com.corpbank.portal.access.CallerScopes;
import com.corpbank.portal.support.ClientBookFixture;
import com.corpbank.portal.support.MongoCommandCounter;
import com.corpbank.portal.support.PortalTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static com.corpbank.portal.support.Testers.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code Client.complaints}, {@code Client.surveyResults}, {@code Client.satisfactionTrend} and
 * {@code Complaint.client} are batched: the driver commands for a page of 50 clients (or complaints) are the same as
 * for a page of 10.
 */
@PortalTest
class FeedbackBatchingTests {

	@Autowired
	HttpGraphQlTester graphQlTester;

	@Autowired
	MongoTemplate mongoTemplate;

	@Autowired
	MongoCommandCounter commands;

	@Autowired
	CallerScopes callerScopes;

	@BeforeEach
	void feedbackOnEveryBulkClient() {
		ClientBookFixture fixture = new ClientBookFixture(this.mongoTemplate);
		fixture.load();
		fixture.addBulkClients("rm_li", 60);
		LocalDate today = FeedbackTestData.today();
		for (int i = 1; i <= 60; i++) {
			String clientId = "C-BULK-%03d".formatted(i);
			FeedbackTestData.complaint(this.mongoTemplate, "CP-" + clientId, clientId, "rm_li", ComplaintStatus.OPEN);
			FeedbackTestData.survey(this.mongoTemplate, "SV-" + clientId + "-1", clientId, "rm_li", SurveyScale.NPS, 9,
					today);
			FeedbackTestData.survey(this.mongoTemplate, "SV-" + clientId + "-2", clientId, "rm_li",
					SurveyScale.FIVE_POINT, 4, today.minusMonths(1));
		}
	}

	@Test
	void aPageOfFiftyClientsWithTheirFeedbackCostsTheSameCommandsAsAPageOfTen() {
		for (String user : List.of("rm_li", "lead_sun", "analyst_wu")) {
			List<String> forTen = commands(user, clientsPage(10));
			List<String> forFifty = commands(user, clientsPage(50));
			assertThat(forFifty).as(user).containsExactlyInAnyOrderElementsOf(forTen);
			// the page's clients, then one aggregation each for complaints, results and trends (with the clients'
			// complaints' clients one find)
			assertThat(forTen.stream().filter("aggregate"::equals)).as(user).hasSizeLessThanOrEqualTo(4);
		}
	}

	@Test
	void aPageOfFiftyComplaintsWithTheirClientsCostsTheSameCommandsAsAPageOfTen() {
		for (String user : List.of("rm_li", "mgr_chen", "risk_zhou")) {
			List<String> forTen = commands(user, complaintsPage(10));
			List<String> forFifty = commands(user, complaintsPage(50));
			assertThat(forFifty).as(user).containsExactlyInAnyOrderElementsOf(forTen);
		}
	}

	private static String clientsPage(int size) {
		return """
				{ clients(first: %d) { edges { node { id
				    complaints(status: [OPEN, IN_PROGRESS]) { id client { id } }
				    surveyResults(first: 1) { id score }
				    satisfactionTrend(granularity: QUARTER, periods: 2) { period responses npsScore }
				} } } }""".formatted(size);
	}

	private static String complaintsPage(int size) {
		return """
				{ complaints(first: %d) { totalCount edges { node { id overdue
				    client { id complaints { id } surveyResults { id } } } } } }""".formatted(size);
	}

	private List<String> commands(String user, String document) {
		// Warm the caller's cached scope lookups once, then count (see InteractionBatchingTests).
		this.callerScopes.forgetAll();
		as(this.graphQlTester, user).document(document).execute();
		this.commands.reset();
		as(this.graphQlTester, user).document(document).execute().errors().verify();
		return this.commands.dataCommands();
	}

}
