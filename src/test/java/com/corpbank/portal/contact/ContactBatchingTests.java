package com.corpbank.portal.contact;

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

/** Client.contacts is batched: one query for a page of clients whatever its size, one bound-RM lookup per request. */
@PortalTest
class ContactBatchingTests {

	private static final String PAGE = """
			query($first: Int) { clients(first: $first) { edges { node { id contacts { id mobile } } } } }""";

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
		for (int i = 1; i <= 60; i++) {
			String clientId = "C-BULK-%03d".formatted(i);
			ContactTestData.store(this.mongoTemplate, ContactTestData.contact("CT-A-" + i, clientId),
					ContactTestData.bareContact("CT-B-" + i, clientId));
		}
	}

	@Test
	void anOwnRmsPageOfFiftyCostsTheSameCommandsAsAPageOfTen() {
		pageOf("rm_li", 1); // the caller's scope is cached after the first request; count the requests after it
		List<String> forTen = pageOf("rm_li", 10);
		List<String> forFifty = pageOf("rm_li", 50);
		// the page, the caller's bound RM (to tell own clients from others), every contact of the page
		assertThat(forTen).containsExactly("find", "find", "find");
		assertThat(forFifty).isEqualTo(forTen);
	}

	@Test
	void aLeadsAndAnAnalystsPagesCostOneContactQueryWhateverTheirSize() {
		for (String user : List.of("lead_sun", "analyst_wu")) {
			pageOf(user, 1);
			List<String> forTen = pageOf(user, 10);
			// the page and its contacts: no bound-RM lookup for a caller who is not an RM
			assertThat(forTen).as(user).containsExactly("find", "find");
			assertThat(pageOf(user, 50)).as(user).isEqualTo(forTen);
		}
	}

	@Test
	void contactsAtTwoDepthsCostOneContactQueryAndOneBoundRmLookup() {
		pageOf("rm_li", 1);
		this.commands.reset();
		as(this.graphQlTester, "rm_li").document("""
				{
				  clients(first: 30) { edges { node { contacts { id } } } }
				  client(id: "C-LI-1") { contacts { id } }
				}""").execute().path("clients.edges").entityList(Object.class).hasSize(30);
		// the page, the single client, the bound RM once, and the contacts of both depths in one query
		assertThat(this.commands.dataCommands()).containsExactly("find", "find", "find", "find");
	}

	private List<String> pageOf(String user, int size) {
		this.commands.reset();
		as(this.graphQlTester, user).document(PAGE)
			.variable("first", size)
			.execute()
			.path("clients.edges")
			.entityList(Object.class)
			.hasSize(size);
		return this.commands.dataCommands();
	}

}
