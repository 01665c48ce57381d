package com.corpbank.portal.metrics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

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
 * The client fields of financials and metrics (sizeBasis, the statement's ratios and version, relationshipMetrics,
 * latestRelationshipMetrics) cost the same MongoDB commands for a page of 10 clients as for a page of 50.
 */
@PortalTest
class NewClientFieldsBatchingTests {

	private static final String PAGE = """
			query($first: Int) {
			  clients(first: $first) { edges { node {
			    id size sizeBasis { category rule period }
			    latestFinancials { version netMargin returnOnAssets currentRatio }
			    relationshipMetrics(first: 2) { edges { cursor node { month version } } pageInfo { hasNextPage } }
			    latestRelationshipMetrics { month feeIncome version }
			  } } }
			}""";

	@Autowired
	HttpGraphQlTester graphQlTester;

	@Autowired
	MongoTemplate mongoTemplate;

	@Autowired
	MongoCommandCounter commands;

	@BeforeEach
	void loadBook() {
		ClientBookFixture fixture = new ClientBookFixture(this.mongoTemplate);
		fixture.load();
		fixture.addBulkClients("rm_li", 60);
		List<RelationshipMetrics> months = new ArrayList<>();
		for (String clientId : this.mongoTemplate.findDistinct("_id", com.corpbank.portal.client.Client.class,
				String.class)) {
			for (int m = 7; m <= 9; m++) {
				YearMonth month = YearMonth.of(2026, m);
				Instant start = month.atDay(1).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant();
				months.add(new RelationshipMetrics(RelationshipMetrics.idOf(clientId, month.toString()), clientId,
						month.toString(), start, new BigDecimal("1000.00"), BigDecimal.ZERO, BigDecimal.TEN, 3,
						new BigDecimal("12.50"), 40, 0, month.atDay(20), start, "rm_li", 0L));
			}
		}
		this.mongoTemplate.insertAll(months);
	}

	@Test
	void aPageOfFiftyCostsTheSameCommandsAsAPageOfTen() {
		// Warm up: the RM's scope (their manager binding) is looked up once and cached.
		commandsForPage(1);
		List<String> forTen = commandsForPage(10);
		List<String> forFifty = commandsForPage(50);
		// the page; latestFinancials, relationshipMetrics and latestRelationshipMetrics: one each; sizeBasis and the
		// ratios: none
		assertThat(forTen).containsExactlyInAnyOrder("find", "aggregate", "find", "aggregate");
		assertThat(forFifty).containsExactlyInAnyOrderElementsOf(forTen);
	}

	private List<String> commandsForPage(int size) {
		this.commands.reset();
		as(this.graphQlTester, "rm_li").document(PAGE)
			.variable("first", size)
			.execute()
			.path("clients.edges[*].node.latestRelationshipMetrics.month")
			.entityList(String.class)
			.hasSize(size)
			.satisfies(months -> assertThat(months).containsOnly("2026-09"));
		return this.commands.dataCommands();
	}

}
