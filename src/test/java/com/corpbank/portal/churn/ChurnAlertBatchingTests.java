package com.corpbank.portal.churn;

import java.time.Instant;
import java.util.ArrayList;
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

import static com.corpbank.portal.churn.ChurnTestData.JOB;
import static com.corpbank.portal.churn.ChurnTestData.overdue;
import static com.corpbank.portal.support.Testers.as;
import static org.assertj.core.api.Assertions.assertThat;

/** Client.churnAlerts and ChurnAlert.client are batched: the command count does not grow with the page size. */
@PortalTest
class ChurnAlertBatchingTests {

	@Autowired
	HttpGraphQlTester graphQlTester;

	@Autowired
	MongoTemplate mongoTemplate;

	@Autowired
	MongoCommandCounter commands;

	@Autowired
	ChurnWatch watch;

	@Autowired
	CallerScopes callerScopes;

	@BeforeEach
	void alertOnEveryBulkClient() {
		ClientBookFixture fixture = new ClientBookFixture(this.mongoTemplate);
		fixture.load();
		fixture.addBulkClients("rm_li", 60);
		List<ChurnInputs> chunk = new ArrayList<>();
		for (int i = 1; i <= 60; i++) {
			chunk.add(overdue("C-BULK-%03d".formatted(i), i));
		}
		this.watch.evaluate(chunk, JOB, Instant.parse("2026-11-20T01:00:00Z"));
	}

	@Test
	void aPageOfFiftyClientsWithTheirAlertsCostsTheSameCommandsAsAPageOfTen() {
		for (String user : List.of("rm_li", "lead_sun", "risk_zhou")) {
			List<String> forTen = commands(user, """
					{ clients(first: 10) { edges { node { id
					    open: churnAlerts(status: [OPEN]) { id client { id } }
					    all: churnAlerts { id }
					} } } }""");
			List<String> forFifty = commands(user, """
					{ clients(first: 50) { edges { node { id
					    open: churnAlerts(status: [OPEN]) { id client { id } }
					    all: churnAlerts { id }
					} } } }""");
			// the page; one aggregation per distinct status argument; the alerts' clients
			assertThat(forTen).as(user).containsExactlyInAnyOrder("find", "aggregate", "aggregate", "find");
			assertThat(forFifty).as(user).containsExactlyInAnyOrderElementsOf(forTen);
		}
	}

	@Test
	void aPageOfFiftyAlertsWithTheirClientsCostsTheSameCommandsAsAPageOfTen() {
		for (String user : List.of("rm_li", "mgr_chen", "risk_zhou")) {
			List<String> forTen = commands(user, """
					{ churnAlerts(first: 10) { totalCount edges { node { id client { id churnAlerts { id } } } } } }""");
			List<String> forFifty = commands(user, """
					{ churnAlerts(first: 50) { totalCount edges { node { id client { id churnAlerts { id } } } } } }""");
			// the page, its count, the clients, their alerts. With no filter the count is the collection's size
			// from its metadata for the head office, and for a scoped caller a count by the ids of the clients in
			// scope (read through the scope index) rather than a join of every alert of the bank to its client.
			List<String> count = user.equals("risk_zhou") ? List.of("count") : List.of("find", "aggregate");
			List<String> expected = new java.util.ArrayList<>(List.of("aggregate", "find", "aggregate"));
			expected.addAll(count);
			assertThat(forTen).as(user).containsExactlyInAnyOrderElementsOf(expected);
			assertThat(forFifty).as(user).containsExactlyInAnyOrderElementsOf(forTen);
		}
	}

	private List<String> commands(String user, String document) {
		// Once to warm the caller's cached scope lookups (org directory), then counted. The cache expires a fixed
		// time after each entry is written, so it is emptied first: an entry written by an earlier test could
		// otherwise expire between the two requests and add a lookup to the count.
		this.callerScopes.forgetAll();
		as(this.graphQlTester, user).document(document).execute();
		this.commands.reset();
		as(this.graphQlTester, user).document(document).execute().errors().verify();
		return this.commands.dataCommands();
	}

}
