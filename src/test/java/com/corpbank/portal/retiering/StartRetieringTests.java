package com.corpbank.portal.retiering;

import java.util.List;
import java.util.Map;

import com.corpbank.portal.support.ClientBookFixture;
import com.corpbank.portal.support.PortalTest;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.TestPropertySource;

import static com.corpbank.portal.support.Testers.as;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code startRetiering}, {@code retieringJob} and {@code retieringJobs} through the API, as ADMIN and as others. */
@PortalTest
@Import(RetieringStandIns.class)
@TestPropertySource(properties = "portal.retiering.as-of=2026-11-20")
class StartRetieringTests {

	static final String START = """
			mutation($input: StartRetieringInput!) {
			  startRetiering(input: $input) {
			    job { id status modelVersion asOf total processed startedBy resumedCount progress }
			    errors { code field message }
			  }
			}""";

	static final String JOB = """
			query($id: ID!) { retieringJob(id: $id) { id status total processed changed failed failedClientIds
			  startedBy endedAt resumedCount progress } }""";

	@Autowired
	HttpGraphQlTester graphQlTester;

	@Autowired
	MongoTemplate mongoTemplate;

	@Autowired
	RecordingWork work;

	@Autowired
	RetieringStandIns.SettableModel model;

	@BeforeEach
	void loadBook() {
		new ClientBookFixture(this.mongoTemplate).load();
		this.work.reset();
		this.model.set("TEST-1");
	}

	@AfterEach
	void releaseWork() throws InterruptedException {
		this.work.release();
		awaitNoneRunning();
	}

	@Test
	void adminStartsAJobThatRunsInTheBackgroundAndIsAudited() throws InterruptedException {
		this.work.holdChunks();
		GraphQlTester.Response started = start("admin", "monthly re-tiering");
		started.path("startRetiering.errors").entityList(Object.class).hasSize(0);
		String id = started.path("startRetiering.job.id").entity(String.class).get();
		started.path("startRetiering.job.status").entity(String.class).isEqualTo("RUNNING")
			.path("startRetiering.job.modelVersion").entity(String.class).isEqualTo("TEST-1")
			.path("startRetiering.job.asOf").entity(String.class).isEqualTo("2026-11-20")
			.path("startRetiering.job.total").entity(Integer.class).isEqualTo(ClientBookFixture.ALL.size())
			.path("startRetiering.job.startedBy").entity(String.class).isEqualTo("admin");

		this.work.awaitHolding();
		job("admin", id).path("retieringJob.status").entity(String.class).isEqualTo("RUNNING")
			.path("retieringJob.processed").entity(Integer.class).isEqualTo(0)
			.path("retieringJob.progress").entity(String.class).isEqualTo("0.0000");
		this.work.release();
		awaitNoneRunning();

		job("admin", id).path("retieringJob.status").entity(String.class).isEqualTo("COMPLETED")
			.path("retieringJob.processed").entity(Integer.class).isEqualTo(ClientBookFixture.ALL.size())
			.path("retieringJob.progress").entity(String.class).isEqualTo("1.0000")
			.path("retieringJob.endedAt").entity(String.class).satisfies(endedAt -> assertThat(endedAt).isNotBlank());
		List<Document> events = this.mongoTemplate.find(new Query(Criteria.where("entityId").is(id)), Document.class,
				"audit_events");
		assertThat(events).extracting(event -> event.getString("operation"))
			.containsExactlyInAnyOrder("startRetiering", "finishRetiering");
		assertThat(events).filteredOn(event -> "startRetiering".equals(event.getString("operation")))
			.singleElement()
			.satisfies(event -> {
				assertThat(event.getString("actor")).isEqualTo("admin");
				assertThat(event.getString("reason")).isEqualTo("monthly re-tiering");
			});
	}

	@Test
	void aSecondStartWhileAJobRunsIsAConflictAndStartsNothing() throws InterruptedException {
		this.work.holdChunks();
		start("admin", "first").path("startRetiering.errors").entityList(Object.class).hasSize(0);
		this.work.awaitHolding();

		start("admin", "second").path("startRetiering.job").valueIsNull()
			.path("startRetiering.errors[0].code").entity(String.class).isEqualTo("CONFLICT")
			.path("startRetiering.errors[0].field").entityList(String.class).containsExactly("input");
		assertThat(this.mongoTemplate.count(new Query(), RetieringJob.class)).isEqualTo(1);
	}

	@Test
	void withoutAnActiveModelTheStartIsRefusedOnTheInput() {
		this.model.set(null);

		start("admin", "monthly").path("startRetiering.job").valueIsNull()
			.path("startRetiering.errors[0].code").entity(String.class).isEqualTo("VALIDATION")
			.path("startRetiering.errors[0].field").entityList(String.class).containsExactly("input");
		assertThat(this.mongoTemplate.count(new Query(), RetieringJob.class)).isZero();
	}

	@Test
	void aReasonWithControlCharactersIsRefusedAndStartsNothing() {
		start("admin", "monthly\nre-tiering").path("startRetiering.errors[0].code").entity(String.class)
			.isEqualTo("VALIDATION")
			.path("startRetiering.errors[0].field").entityList(String.class).containsExactly("input", "reason");
		assertThat(this.mongoTemplate.count(new Query(), RetieringJob.class)).isZero();
	}

	@Test
	void onlyAdminMayStartOrReadJobs() {
		for (String user : List.of("rm_li", "lead_sun", "mgr_chen", "risk_zhou", "analyst_wu", "auditor_qian")) {
			start(user, "monthly").path("startRetiering.errors[0].code").entity(String.class).isEqualTo("FORBIDDEN");
			as(this.graphQlTester, user).document("{ retieringJobs { edges { node { id } } } }")
				.execute()
				.errors()
				.satisfy(errors -> assertThat(errors).isNotEmpty()
					.allSatisfy(error -> assertThat(error.getErrorType()).hasToString("FORBIDDEN")));
			as(this.graphQlTester, user).document("{ aliased: retieringJob(id: \"RJ-1\") { id } }")
				.execute()
				.errors()
				.satisfy(errors -> assertThat(errors).isNotEmpty()
					.allSatisfy(error -> assertThat(error.getErrorType()).hasToString("FORBIDDEN")));
		}
		assertThat(this.mongoTemplate.count(new Query(), RetieringJob.class)).isZero();
		assertThat(this.mongoTemplate.count(new Query(), "audit_events")).isZero();
	}

	@Test
	void jobsAreListedNewestFirstInPages() throws InterruptedException {
		List<String> ids = new java.util.ArrayList<>();
		for (int i = 0; i < 3; i++) {
			ids.add(0, start("admin", "run " + i).path("startRetiering.job.id").entity(String.class).get());
			awaitNoneRunning();
		}
		GraphQlTester.Response first = as(this.graphQlTester, "admin")
			.document("{ retieringJobs(first: 2) { edges { node { id } } pageInfo { hasNextPage endCursor } } }")
			.execute();
		first.path("retieringJobs.edges[*].node.id").entityList(String.class).containsExactly(ids.get(0), ids.get(1));
		first.path("retieringJobs.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		String cursor = first.path("retieringJobs.pageInfo.endCursor").entity(String.class).get();
		as(this.graphQlTester, "admin")
			.document("query($after: String) { retieringJobs(first: 2, after: $after) { edges { node { id } } "
					+ "pageInfo { hasNextPage } } }")
			.variable("after", cursor)
			.execute()
			.path("retieringJobs.edges[*].node.id").entityList(String.class).containsExactly(ids.get(2))
			.path("retieringJobs.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
		as(this.graphQlTester, "admin").document(JOB).variable("id", "RJ-NOPE").execute()
			.path("retieringJob").valueIsNull();
	}

	private GraphQlTester.Response start(String user, String reason) {
		return as(this.graphQlTester, user).document(START).variable("input", Map.of("reason", reason)).execute();
	}

	private GraphQlTester.Response job(String user, String id) {
		return as(this.graphQlTester, user).document(JOB).variable("id", id).execute();
	}

	private void awaitNoneRunning() throws InterruptedException {
		// A guard against a hung job, not a timing assertion.
		for (int i = 0; i < 2_400; i++) {
			if (this.mongoTemplate.count(new Query(Criteria.where("status").is("RUNNING")), RetieringJob.class) == 0
					&& this.mongoTemplate.count(new Query(), RetieringJobs.RUNNING) == 0) {
				return;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("a job is still running");
	}

}
