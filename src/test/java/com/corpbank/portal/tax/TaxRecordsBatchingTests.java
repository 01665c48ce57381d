package com.corpbank.portal.tax;

import java.math.BigDecimal;
import java.time.Instant;
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

/** Client.taxRecords costs one query for a whole page of clients, aliases with other sizes included. */
@PortalTest
class TaxRecordsBatchingTests {

	private static final String PAGE = """
			query($first: Int) {
			  clients(first: $first) { edges { node {
			    id
			    taxRecords { year taxPaid creditGrade version }
			    latest: taxRecords(first: 1) { year }
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
		fixture.loadWithRelationshipData();
		fixture.addBulkClients("rm_li", 60);
		List<TaxRecord> years = new ArrayList<>();
		for (int i = 1; i <= 60; i++) {
			String clientId = "C-BULK-%03d".formatted(i);
			for (int year = 2021; year <= 2025; year++) {
				years.add(new TaxRecord(TaxRecord.idOf(clientId, year), clientId, year, new BigDecimal("1000.00"),
						TaxCreditGrade.B, Instant.parse("2026-06-30T02:00:00Z"), "test", null));
			}
		}
		this.mongoTemplate.insertAll(years);
	}

	@Test
	void aPageOfFiftyCostsTheSameCommandsAsAPageOfTen() {
		// Warm up: the RM's scope (their manager binding) is looked up once and cached.
		commandsForPage(1);
		List<String> forTen = commandsForPage(10);
		List<String> forFifty = commandsForPage(50);
		// the page, and one find for the tax years of every client of the page, both aliases together
		assertThat(forTen).containsExactlyInAnyOrder("find", "find");
		assertThat(forFifty).containsExactlyInAnyOrderElementsOf(forTen);
	}

	@Test
	void theRelationshipBookHasTaxYearsAndMonthsForEveryClient() {
		as(this.graphQlTester, "rm_li").document("""
				{ client(id: "C-LI-1") { taxRecords { year } latestRelationshipMetrics { month productsHeld } } }""")
			.execute()
			.path("client.taxRecords[*].year").entityList(Integer.class).containsExactly(2025, 2024, 2023)
			.path("client.latestRelationshipMetrics.month").entity(String.class).isEqualTo("2026-10");
	}

	private List<String> commandsForPage(int size) {
		this.commands.reset();
		as(this.graphQlTester, "rm_li").document(PAGE)
			.variable("first", size)
			.execute()
			.path("clients.edges[*].node.taxRecords")
			.entityList(Object.class)
			.hasSize(size);
		return this.commands.dataCommands();
	}

}
