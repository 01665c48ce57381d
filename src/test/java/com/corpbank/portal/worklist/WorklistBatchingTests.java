package com.corpbank.portal.worklist;

import java.time.Instant;
import java.time.LocalDate;
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

import static com.corpbank.portal.support.Testers.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A worklist page costs the same driver commands whatever its size: one aggregation per kind for the page, one per
 * kind for {@code totalCount}, and one find for every item's {@code client} (batched), never one per item or per
 * client of the book.
 */
@PortalTest
@Import(WorklistTestConfiguration.class)
class WorklistBatchingTests {

	@Autowired
	HttpGraphQlTester graphQlTester;

	@Autowired
	MongoTemplate mongoTemplate;

	@Autowired
	MongoCommandCounter commands;

	@Autowired
	CallerScopes callerScopes;

	@BeforeEach
	void sixtyClientsWithAFollowUpAComplaintAndAnAlertEach() {
		ClientBookFixture fixture = new ClientBookFixture(this.mongoTemplate);
		fixture.load();
		fixture.addBulkClients("rm_li", 60);
		WorklistTestData data = new WorklistTestData(this.mongoTemplate);
		for (int i = 1; i <= 60; i++) {
			String clientId = "C-BULK-%03d".formatted(i);
			data.followUp(clientId, LocalDate.of(2026, 11, 1).plusDays(i % 30), "rm_li")
				.complaint("CP-" + clientId, clientId, "OPEN", Instant.parse("2026-11-15T02:00:00Z").plusSeconds(i * 3600L),
						"rm_li")
				.churnAlert("CA-" + clientId, clientId, com.corpbank.portal.churn.ChurnAlertStatus.OPEN,
						Instant.parse("2026-11-10T02:00:00Z").plusSeconds(i * 60L));
		}
	}

	@Test
	void aPageOfFiftyItemsWithTheirClientsCostsTheSameCommandsAsAPageOfTen() {
		for (String[] call : new String[][] { { "rm_li", "myWorklist" }, { "lead_sun", "teamWorklist" },
				{ "mgr_chen", "teamWorklist" } }) {
			List<MongoCommandCounter.Command> forTen = commands(call[0], page(call[1], 10));
			List<MongoCommandCounter.Command> forFifty = commands(call[0], page(call[1], 50));
			assertThat(forFifty).as(call[0]).containsExactlyInAnyOrderElementsOf(forTen);
			// four kinds: a page and a count each; the items' clients in one find
			assertThat(forTen).as(call[0])
				.filteredOn(command -> command.name().equals("aggregate"))
				.hasSize(8);
			assertThat(forTen).as(call[0])
				.filteredOn(command -> command.name().equals("find") && "clients".equals(command.collection()))
				.hasSize(1);
		}
	}

	@Test
	void theBranchSummaryIsOneAggregationPerKind() {
		List<MongoCommandCounter.Command> summary = commands("mgr_chen",
				"{ branchWorklistSummary { totalCount byManager { rmUsername byKind { kind count } } } }");
		assertThat(summary).extracting(MongoCommandCounter.Command::name).containsOnly("aggregate").hasSize(4);
	}

	private static String page(String field, int size) {
		return """
				{ %s(first: %d) { totalCount edges { node { id kind client { id name nextFollowUp { dueOn } } } } } }"""
			.formatted(field, size);
	}

	private List<MongoCommandCounter.Command> commands(String user, String document) {
		// Warm the caller's cached scope lookups once, then count (as the other batching tests).
		this.callerScopes.forgetAll();
		as(this.graphQlTester, user).document(document).execute();
		this.commands.reset();
		as(this.graphQlTester, user).document(document).execute().errors().verify();
		return this.commands.commandsWithTarget()
			.stream()
			.filter(command -> !List.of("hello", "isMaster", "ismaster", "ping", "buildInfo", "endSessions")
				.contains(command.name()))
			.toList();
	}

}
