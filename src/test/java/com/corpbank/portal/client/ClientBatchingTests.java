package com.corpbank.portal.client;

import java.util.List;
import java.util.Map;

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

/** Nested fields are batched: the number of MongoDB commands does not grow with the page size. */
@PortalTest
class ClientBatchingTests {

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
	}

	@Test
	void aPageOfFiftyCostsTheSameCommandsAsAPageOfTen() {
		List<String> forTen = commandsForPage(10);
		List<String> forFifty = commandsForPage(50);
		// page, totalCount (the driver counts with an aggregate), primaryManager, coManagers, latestFinancials,
		// RelationshipManager.team
		assertThat(forTen).containsExactlyInAnyOrder("find", "aggregate", "find", "find", "aggregate", "find");
		assertThat(forFifty).containsExactlyInAnyOrderElementsOf(forTen);
	}

	@Test
	void aliasedListsCostTheSameCommandsWhateverTheirPageSize() {
		List<String> forFive = commandsForAliasedPages(5);
		List<String> forThirty = commandsForAliasedPages(30);
		// per alias: the page and its batched manager lookup
		assertThat(forFive).containsExactlyInAnyOrder("find", "find", "find", "find");
		assertThat(forThirty).containsExactlyInAnyOrderElementsOf(forFive);
	}

	private List<String> commandsForAliasedPages(int size) {
		this.commands.reset();
		as(this.graphQlTester, "risk_zhou").document("""
				query two($size: Int) {
				  a: clients(first: $size) { edges { node { primaryManager { username } } } }
				  b: clients(first: $size, orderBy: { field: TIER_SCORE }) { edges { node { primaryManager { username } } } }
				}
				""").variable("size", size).execute().path("b.edges").entityList(Object.class).hasSize(size);
		return this.commands.dataCommands();
	}

	private List<String> commandsForPage(int size) {
		this.commands.reset();
		as(this.graphQlTester, "risk_zhou").documentName("clientPage")
			.variable("first", size)
			.variable("orderBy", Map.of("field", "NAME"))
			.execute()
			.path("clients.edges")
			.entityList(Object.class)
			.hasSize(size);
		return this.commands.dataCommands();
	}

}
