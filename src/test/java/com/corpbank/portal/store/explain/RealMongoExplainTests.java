package com.corpbank.portal.store.explain;

import java.util.ArrayList;
import java.util.List;

import com.corpbank.portal.seed.ScaledBook;
import com.corpbank.portal.store.explain.CapturedQueries.Query;
import com.corpbank.portal.store.explain.HotPaths.Request;
import com.corpbank.portal.support.PortalTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

import static com.corpbank.portal.store.explain.HotPaths.patient;
import static com.corpbank.portal.support.Testers.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Indexes for every hot query path, checked with {@code explain} on a real MongoDB (issue 9, item 4): a scaled book of
 * {@value #CLIENTS} clients with its histories and interactions, the hot paths ({@link HotPaths}) sent over HTTP as
 * several roles, every read they cause captured by the driver's command listener ({@link CapturedQueries}) and
 * re-sent as an {@code explain} (queryPlanner); no winning plan may scan a collection ({@link ExplainPlans}) except
 * the reasoned exceptions of {@link ScanCheck#READ_WHOLE}. Skipped where Docker is absent; CI with Docker runs it.
 */
@Testcontainers(disabledWithoutDocker = true)
@PortalTest
@Import(RealMongoExplainTests.Capture.class)
class RealMongoExplainTests {

	static final int CLIENTS = 3_000;

	@Container
	static final MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");

	@DynamicPropertySource
	static void realMongo(DynamicPropertyRegistry registry) {
		registry.add("portal.store.mongodb-uri", () -> mongo.getReplicaSetUrl("portal"));
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Capture {

		@Bean
		CapturedQueries capturedQueries() {
			return new CapturedQueries();
		}

		@Bean
		MongoClientSettingsBuilderCustomizer captureQueries(CapturedQueries captured) {
			return settings -> settings.addCommandListener(captured);
		}

	}

	@Autowired
	HttpGraphQlTester graphQlTester;

	@Autowired
	MongoTemplate mongoTemplate;

	@Autowired
	CapturedQueries captured;

	@Test
	void noHotPathReadScansACollection() {
		// With the portfolio's figure copies, as the service keeps them.
		ScaledBook.write(this.mongoTemplate, CLIENTS, 2026L);

		List<ScanCheck.Finding> findings = new ArrayList<>();
		int reads = 0;
		// C000001's primary RM is rm_li (round-robin from the first RM): every reader sees it.
		for (Request request : HotPaths.requests("C000001")) {
			this.captured.start();
			as(patient(this.graphQlTester), request.user()).document(request.document())
				.variables(request.variables())
				.execute()
				.errors()
				.verify();
			List<Query> sent = this.captured.stop();
			assertThat(sent).as(request.name() + " as " + request.user()).isNotEmpty();
			reads += sent.size();
			findings.addAll(ScanCheck.unexcusedScans(request.name() + " as " + request.user(), sent,
					explain -> this.mongoTemplate.getDb().runCommand(explain)));
		}
		assertThat(reads).isGreaterThan(HotPaths.requests("C000001").size());
		assertThat(findings).as("reads whose winning plan scans a collection").isEmpty();
	}

}
