package com.corpbank.portal.retiering;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.corpbank.portal.audit.Actor;
import com.corpbank.portal.security.Caller;
import com.corpbank.portal.security.Role;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks on the demo book after a re-tiering job that was stopped or crashed and resumed: that it ends as one
 * uninterrupted run leaves it, and that a second job changes nothing.
 */
final class DemoBookRunChecks {

	/** Clients in the demo book. */
	static final int BOOK = 336;

	static final Actor ADMIN = new Actor(new Caller("admin-subject", "admin", "Admin", Set.of(Role.ADMIN), "HO"),
			"retiering-test");

	private DemoBookRunChecks() {
	}

	/**
	 * What one uninterrupted first run of the demo model over the demo book leaves (see DemoBookTieringTests): every
	 * client's result changes (its first evaluation with this model), so exactly one tier-history entry and one audit
	 * event per client, carrying this job, and each client points at its entry; the job's own start and end events
	 * once each. A chunk written twice, or a resume from zero that wrote again, would show as a client with two.
	 */
	static void assertOneUninterruptedRunsResult(MongoTemplate store, RetieringJob job, List<String> ids) {
		List<Document> history = store.find(new Query(), Document.class, "tier_history");
		assertThat(history).extracting(entry -> entry.getString("jobId")).containsOnly(job.id());
		assertThat(history).extracting(entry -> entry.getString("clientId"))
			.as("one tier-history entry per client")
			.containsExactlyInAnyOrderElementsOf(ids);
		List<Document> events = store.find(new Query(Criteria.where("entityType").is("Client")), Document.class,
				"audit_events");
		assertThat(events).extracting(event -> event.getString("requestId")).containsOnly(job.id());
		assertThat(events).extracting(event -> event.getString("entityId"))
			.as("one audit event per client")
			.containsExactlyInAnyOrderElementsOf(ids);
		assertThat(store.find(new Query(Criteria.where("entityId").is(job.id())), Document.class, "audit_events"))
			.extracting(event -> event.getString("operation"))
			.as("the job's own start and end, once each")
			.containsExactlyInAnyOrder(RetieringJobs.START, RetieringJobs.FINISH);
		Map<String, String> entryOf = history.stream()
			.collect(Collectors.toMap(entry -> entry.getString("clientId"), entry -> entry.getString("_id")));
		for (Document client : store.find(new Query(), Document.class, "clients")) {
			assertThat(client.get("valueTier", Document.class).getString("evaluationId")).as(client.getString("_id"))
				.isEqualTo(entryOf.get(client.getString("_id")));
		}
	}

	/** Idempotence: a second job with the same model and inputs changes nothing and adds no history or audit. */
	static void assertASecondJobChangesNothing(MongoTemplate store, RetieringJobs jobs) {
		long history = store.count(new Query(), "tier_history");
		long clientEvents = store.count(new Query(Criteria.where("entityType").is("Client")), "audit_events");
		RetieringJob second = jobs.runToCompletion(ADMIN, new StartRetieringInput("same model, same inputs"));
		assertThat(second.status()).isEqualTo(RetieringJobStatus.COMPLETED);
		assertThat(second.processed()).isEqualTo(BOOK);
		assertThat(second.changed()).isZero();
		assertThat(store.count(new Query(), "tier_history")).isEqualTo(history);
		assertThat(store.count(new Query(Criteria.where("entityType").is("Client")), "audit_events"))
			.isEqualTo(clientEvents);
	}

	/** The job once it is no longer RUNNING. */
	static RetieringJob awaitEnd(MongoTemplate store, String id) throws InterruptedException {
		// A guard against a hung job, not a timing assertion.
		for (int i = 0; i < 2_400; i++) {
			RetieringJob job = store.findById(id, RetieringJob.class);
			if (job != null && job.status() != RetieringJobStatus.RUNNING) {
				return job;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("job " + id + " did not end");
	}

}
