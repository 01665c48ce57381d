package com.corpbank.portal.support.indexuse;

import java.util.List;
import java.util.Map;

import com.corpbank.portal.store.CollectionIndexes;
import com.corpbank.portal.support.ClientBookFixture;
import com.corpbank.portal.support.PortalTest;
import com.corpbank.portal.support.indexuse.IndexUseGuard.Observation;
import org.bson.BsonDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static com.corpbank.portal.support.Testers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The guard bites: a read the service sends that no declared index serves is refused, and fails its test. */
@PortalTest
class IndexUseGuardTests {

	@Autowired
	IndexUseGuard guard;

	@Autowired
	HttpGraphQlTester graphQlTester;

	@Autowired
	MongoTemplate mongoTemplate;

	@Autowired
	ApplicationContext context;

	@BeforeEach
	void loadBook() {
		new ClientBookFixture(this.mongoTemplate).load();
		this.guard.drainRefused();
	}

	@Test
	void theServicesPageReadIsServedByADeclaredIndex() {
		headOfficePageByName();
		assertThat(this.guard.drainRefused()).isEmpty();
	}

	@Test
	void withoutTheIndexItNeedsTheSameReadIsRefusedAndFailsTheTest() throws Exception {
		try (AutoCloseable withheld = this.guard.withhold("clients", "order_name")) {
			headOfficePageByName();
		}
		List<Observation> refused = this.guard.drainRefused();
		assertThat(refused).singleElement().satisfies(observation -> {
			assertThat(observation.query().collection()).isEqualTo("clients");
			assertThat(observation.query().shape()).isEqualTo("{} sort {\"name\": 1, \"_id\": 1}");
			assertThat(observation.caller()).startsWith("com.corpbank.portal.client.ClientQueries.page(");
		});
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> IndexUseExtension.check(refused, this.guard))
			.withMessageContaining("served by no declared index")
			.withMessageContaining("find clients {} sort {\"name\": 1, \"_id\": 1}")
			.withMessageContaining("sent by com.corpbank.portal.client.ClientQueries.page(ClientQueries.java:");
	}

	@Test
	void aReadOnAnUnindexedFieldIsRefused() {
		// A guard of its own over the context's declared indexes, so this made-up read stays out of the report.
		IndexUseGuard ownGuard = new IndexUseGuard(this.context.getBeanProvider(CollectionIndexes.class), null);
		IndexedQuery unindexed = QueryParser
			.parse("find", BsonDocument.parse("{find: 'clients', filter: {'address.city': 'Shanghai'}}"))
			.get(0);
		Observation observation = ownGuard.check(unindexed, "this test");
		assertThat(observation.refused()).isTrue();
		assertThat(observation.verdict().detail()).contains("no index serves it");
		assertThat(ownGuard.drainRefused()).containsExactly(observation);
		// The same field with an index the context declares is served.
		IndexedQuery indexed = QueryParser
			.parse("find", BsonDocument.parse("{find: 'clients', filter: {uscc: '91310000MA1K000000'}}"))
			.get(0);
		assertThat(ownGuard.check(indexed, "this test").verdict().detail()).startsWith("uscc_unique ");
		assertThat(ownGuard.drainRefused()).isEmpty();
	}

	@Test
	void theHarnessesOwnReadsAreNotChecked() {
		// A scan from the test class itself (an assertion reading the store) is the harness's, not the service's.
		this.mongoTemplate.find(new Query(Criteria.where("address.city").is("Shanghai")), Map.class, "clients");
		assertThat(this.guard.drainRefused()).isEmpty();
	}

	private void headOfficePageByName() {
		as(this.graphQlTester, "risk_zhou").documentName("clientIds")
			.variable("orderBy", Map.of("field", "NAME", "direction", "ASC"))
			.execute()
			.path("clients.edges[*].node.id")
			.entityList(String.class)
			.hasSize(ClientBookFixture.ALL.size());
	}

}
