package com.corpbank.portal.store;

import java.util.List;
import java.util.Map;

import com.corpbank.portal.support.ClientBookFixture;
import com.corpbank.portal.support.PortalTest;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

import static com.corpbank.portal.support.Testers.as;
import static com.corpbank.portal.support.Testers.visibleClientIds;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same service against a real MongoDB (a replica set in a container), switched by {@code MONGODB_URI} alone.
 * Skipped where Docker is absent, as on the development machines; CI with Docker runs it.
 */
@Testcontainers(disabledWithoutDocker = true)
@PortalTest
class RealMongoStoreTests {

	@Container
	static final MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");

	@DynamicPropertySource
	static void realMongo(DynamicPropertyRegistry registry) {
		registry.add("portal.store.mongodb-uri", () -> mongo.getReplicaSetUrl("portal"));
	}

	@Autowired
	HttpGraphQlTester graphQlTester;

	@Autowired
	MongoTemplate mongoTemplate;

	@Value("${local.server.port}")
	int port;

	@BeforeEach
	void loadBook() {
		new ClientBookFixture(this.mongoTemplate).load();
	}

	@Test
	void rowScopeHoldsOnRealMongo() {
		assertThat(visibleClientIds(this.graphQlTester, "rm_li")).containsExactlyInAnyOrder("C-LI-1", "C-LI-2",
				"C-WANG-2");
		assertThat(visibleClientIds(this.graphQlTester, "mgr_chen")).hasSize(8).doesNotContain("C-ZHAO-1");
	}

	@Test
	void keysetOrderByDecimalScoreMatchesTheEmbeddedStore() {
		as(this.graphQlTester, "risk_zhou").documentName("clientIds")
			.variable("orderBy", Map.of("field", "TIER_SCORE", "direction", "ASC"))
			.execute()
			.path("clients.edges[*].node.id")
			.entityList(String.class)
			.isEqualTo(ClientBookFixture.BY_TIER_SCORE_ASC);
	}

	@Test
	void moneyIsStoredAsDecimal128AndIndexesExist() {
		Document raw = this.mongoTemplate.getCollection("financial_statements").find(new Document("_id", "C-LI-1-2025"))
			.first();
		assertThat(raw).isNotNull();
		assertThat(raw.get("revenue")).isInstanceOf(Decimal128.class);
		List<String> indexNames = this.mongoTemplate.getCollection("clients")
			.listIndexes()
			.map(index -> index.getString("name"))
			.into(new java.util.ArrayList<>());
		assertThat(indexNames).contains("uscc_unique", "scope_manager", "scope_org_unit", "order_tier_score");
	}

	@Test
	void healthIsUpOnRealMongo() {
		WebTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build()
			.get().uri("/actuator/health").exchange()
			.expectStatus().isOk();
	}

}
