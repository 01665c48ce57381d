package com.corpbank.portal.store.explain;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.corpbank.portal.seed.ScaledBook;
import com.corpbank.portal.store.explain.CapturedQueries.Query;
import com.corpbank.portal.store.explain.HotPaths.Request;
import com.corpbank.portal.support.PortalTest;
import org.bson.BsonDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static com.corpbank.portal.store.explain.HotPaths.patient;
import static com.corpbank.portal.support.Testers.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link RealMongoExplainTests} does up to the explain, on the embedded store (which has no {@code explain}):
 * every hot path runs without errors on a small scaled book as each role, and the capture sees the reads of the
 * collections those paths read, each turned into an explain of the same query without its session fields.
 */
@PortalTest
@Import(RealMongoExplainTests.Capture.class)
class HotPathsCaptureTests {

	@Autowired
	HttpGraphQlTester graphQlTester;

	@Autowired
	MongoTemplate mongoTemplate;

	@Autowired
	CapturedQueries captured;

	@BeforeEach
	void loadBook() {
		for (String collection : this.mongoTemplate.getCollectionNames()) {
			this.mongoTemplate.remove(new org.springframework.data.mongodb.core.query.Query(), collection);
		}
		ScaledBook.write(this.mongoTemplate, 400, 2026L);
	}

	@Test
	void everyHotPathRunsAndItsReadsAreCapturedAsExplainableQueries() {
		Set<String> collections = new HashSet<>();
		// Two roles at either end of the scope (one RM's book, the whole bank): enough to prove the documents and the
		// capture; the real-MongoDB test sends every role.
		for (Request request : HotPaths.requests("C000001", List.of("rm_li", "risk_zhou"))) {
			this.captured.start();
			as(patient(this.graphQlTester), request.user()).document(request.document())
				.variables(request.variables())
				.execute()
				.errors()
				.verify();
			List<Query> sent = this.captured.stop();
			assertThat(sent).as(request.name() + " as " + request.user()).isNotEmpty();
			for (Query read : sent) {
				collections.add(read.collection());
				BsonDocument explain = read.explain();
				assertThat(explain.getString("verbosity").getValue()).isEqualTo("queryPlanner");
				BsonDocument explained = explain.getDocument("explain");
				assertThat(explained.getFirstKey()).isEqualTo(read.name());
				assertThat(explained.keySet()).doesNotContainAnyElementsOf(CapturedQueries.TRANSPORT_FIELDS);
				// Everything else is the query as the service sent it.
				read.command().forEach((key, value) -> {
					if (!CapturedQueries.TRANSPORT_FIELDS.contains(key)) {
						assertThat(explained.get(key)).as(key).isEqualTo(value);
					}
				});
			}
		}
		assertThat(collections).contains("clients", "financial_statements", "relationship_metrics", "tier_history",
				"risk_history", "assignment_history", "interactions", "contacts", "complaints", "managers");
	}

}
