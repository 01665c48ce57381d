package com.corpbank.portal.interaction;

import java.time.Instant;
import java.util.List;

import com.corpbank.portal.access.CallerScopes;
import com.corpbank.portal.support.ClientBookFixture;
import com.corpbank.portal.support.MongoCommandCounter;
import com.corpbank.portal.support.PortalTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static com.corpbank.portal.interaction.InteractionTestData.contact;
import static com.corpbank.portal.interaction.InteractionTestData.interaction;
import static com.corpbank.portal.support.Testers.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code Client.interactions}, {@code Interaction.client} and {@code Interaction.contacts} are batched: the driver
 * commands for a page of 50 clients (or interactions) are the same as for a page of 10.
 */
@PortalTest
@Import(InteractionTestConfiguration.class)
class InteractionBatchingTests {

	@Autowired
	HttpGraphQlTester graphQlTester;

	@Autowired
	MongoTemplate mongoTemplate;

	@Autowired
	MongoCommandCounter commands;

	@Autowired
	CallerScopes callerScopes;

	@BeforeEach
	void twoInteractionsOnEveryBulkClient() {
		ClientBookFixture fixture = new ClientBookFixture(this.mongoTemplate);
		fixture.load();
		fixture.addBulkClients("rm_li", 60);
		Instant at = Instant.parse("2026-11-01T01:00:00Z");
		for (int i = 1; i <= 60; i++) {
			String clientId = "C-BULK-%03d".formatted(i);
			contact(this.mongoTemplate, "CT-" + clientId, clientId);
			for (int n = 0; n < 2; n++) {
				interaction(this.mongoTemplate, "IA-%s-%d".formatted(clientId, n), clientId, InteractionChannel.VISIT,
						at, List.of("rm_li"), List.of("CT-" + clientId), "rm_li", at);
				at = at.plusSeconds(60);
			}
		}
	}

	@Test
	void aPageOfFiftyClientsWithTheirInteractionsCostsTheSameCommandsAsAPageOfTen() {
		for (String user : List.of("rm_li", "lead_sun", "risk_zhou")) {
			List<String> forTen = commands(user, clientsPage(10));
			List<String> forFifty = commands(user, clientsPage(50));
			// the page, the interactions of every client on it, their clients, their contacts' clients and contacts
			assertThat(forFifty).as(user).containsExactlyInAnyOrderElementsOf(forTen);
			assertThat(forTen.stream().filter("aggregate"::equals)).as(user).hasSize(1);
		}
	}

	@Test
	void aPageOfFiftyInteractionsWithClientsAndContactsCostsTheSameCommandsAsAPageOfTen() {
		for (String user : List.of("rm_li", "mgr_chen", "analyst_wu")) {
			List<String> forTen = commands(user, interactionsPage(10));
			List<String> forFifty = commands(user, interactionsPage(50));
			assertThat(forFifty).as(user).containsExactlyInAnyOrderElementsOf(forTen);
		}
	}

	private static String clientsPage(int size) {
		return """
				{ clients(first: %d) { edges { node { id
				    interactions(first: 5) { totalCount edges { node { id client { id } contacts { id mobile } } } }
				} } } }""".formatted(size);
	}

	private static String interactionsPage(int size) {
		return """
				{ interactions(first: %d) { totalCount edges { node { id contacts { id mobile }
				    client { id interactions(first: 1) { totalCount } } } } } }""".formatted(size);
	}

	private List<String> commands(String user, String document) {
		// Warm the caller's cached scope lookups once, then count (see ChurnAlertBatchingTests).
		this.callerScopes.forgetAll();
		as(this.graphQlTester, user).document(document).execute();
		this.commands.reset();
		as(this.graphQlTester, user).document(document).execute().errors().verify();
		return this.commands.dataCommands();
	}

}
