package com.corpbank.portal.retiering;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import com.corpbank.portal.audit.Actor;
import com.corpbank.portal.retiering.RecordingWork.RunnerDeath;
import com.corpbank.portal.security.Caller;
import com.corpbank.portal.security.Role;
import com.corpbank.portal.support.ClientBookFixture;
import com.corpbank.portal.support.PortalTest;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The job engine on its own (no HTTP): chunking in keyset order, the checkpoint, failed clients, and resume after a
 * runner that dies mid-job. The runner "dies" with {@link RunnerDeath}, an Error that leaves the job and the lease as
 * a crash would; the lease's lapse is simulated by moving its expiry into the past, not by waiting.
 */
@PortalTest
@Import(RetieringStandIns.class)
@TestPropertySource(properties = "portal.retiering.as-of=2026-11-20")
class RetieringJobTests {

	static final Actor ADMIN = new Actor(new Caller("admin-subject", "admin", "Admin", Set.of(Role.ADMIN), null),
			"test-request-0001");

	@Autowired
	MongoTemplate mongoTemplate;

	@Autowired
	RetieringJobs jobs;

	@Autowired
	RecordingWork work;

	@Autowired
	RetieringStandIns.SettableModel model;

	@BeforeEach
	void emptyStore() {
		new ClientBookFixture(this.mongoTemplate).clear();
		this.work.reset();
		this.model.set("TEST-1");
	}

	@Test
	void chunksFollowTheIdOrderInChunksOfAThousandAndTheCountsAddUp() {
		List<String> ids = book(2_500);

		RetieringJob job = this.jobs.runToCompletion(ADMIN, new StartRetieringInput("monthly"));

		assertThat(this.work.chunks).extracting(List::size).containsExactly(1000, 1000, 500);
		assertThat(this.work.processedIds()).as("every client once, ascending").isEqualTo(ids);
		assertThat(job.status()).isEqualTo(RetieringJobStatus.COMPLETED);
		assertThat(job.total()).isEqualTo(2_500);
		assertThat(job.processed()).isEqualTo(2_500);
		assertThat(job.failed()).isZero();
		assertThat(job.lastClientId()).isEqualTo(ids.get(2_499));
		assertThat(job.modelVersion()).isEqualTo("TEST-1");
		assertThat(job.asOf()).hasToString("2026-11-20");
		assertThat(job.endedAt()).isNotNull();
		assertThat(job.progress()).isEqualTo(1.0);
		assertThat(this.mongoTemplate.count(new Query(), RetieringJobs.RUNNING)).as("the running marker is gone")
			.isZero();
		assertThat(auditOperations(job.id())).containsExactlyInAnyOrder("startRetiering", "finishRetiering");
	}

	@Test
	void aRunnerThatDiesAfterChunkTwoIsResumedFromChunkThreeWithoutRedoingOneAndTwo() throws Exception {
		List<String> ids = book(4_500);
		this.work.dieBeforeChunk(3);

		assertThatThrownBy(() -> this.jobs.runToCompletion(ADMIN, new StartRetieringInput("monthly")))
			.isInstanceOf(RunnerDeath.class);

		RetieringJob crashed = this.mongoTemplate.findOne(new Query(), RetieringJob.class);
		assertThat(crashed.status()).as("a dead runner leaves the job RUNNING").isEqualTo(RetieringJobStatus.RUNNING);
		assertThat(crashed.processed()).isEqualTo(2_000);
		assertThat(crashed.lastClientId()).isEqualTo(ids.get(1_999));
		assertThat(this.jobs.resumeAbandoned()).as("not while the dead runner's lease lasts").isZero();

		lapseTheLease();
		assertThat(this.jobs.resumeAbandoned()).isEqualTo(1);
		RetieringJob resumed = awaitEnd(crashed.id());

		assertThat(this.work.chunks).extracting(List::size).containsExactly(1000, 1000, 1000, 1000, 500);
		assertThat(this.work.chunks.get(2).get(0)).as("the resumed runner starts at chunk 3").isEqualTo(ids.get(2_000));
		assertThat(this.work.processedIds()).as("chunks 1 and 2 are not processed again").isEqualTo(ids);
		assertThat(resumed.status()).isEqualTo(RetieringJobStatus.COMPLETED);
		assertThat(resumed.processed()).isEqualTo(4_500);
		assertThat(resumed.total()).isEqualTo(4_500);
		assertThat(resumed.resumedCount()).isEqualTo(1);
		assertThat(auditOperations(crashed.id())).containsExactlyInAnyOrder("startRetiering", "finishRetiering");
	}

	@Test
	void failingClientsAreCountedAndListedAndTheJobStillCompletes() {
		List<String> ids = book(2_500);
		this.work.failing(Set.of(ids.get(6), ids.get(1_500)));

		RetieringJob job = this.jobs.runToCompletion(ADMIN, new StartRetieringInput(null));

		assertThat(job.status()).isEqualTo(RetieringJobStatus.COMPLETED);
		assertThat(job.failed()).isEqualTo(2);
		assertThat(job.failedClientIds()).containsExactly(ids.get(6), ids.get(1_500));
		assertThat(job.processed()).isEqualTo(2_500);
	}

	@Test
	void aSecondStartWhileAJobWaitsToBeResumedIsAConflict() {
		book(1_500);
		this.work.dieBeforeChunk(2);
		assertThatThrownBy(() -> this.jobs.runToCompletion(ADMIN, new StartRetieringInput(null)))
			.isInstanceOf(RunnerDeath.class);
		lapseTheLease();

		assertThatThrownBy(() -> this.jobs.runToCompletion(ADMIN, new StartRetieringInput(null)))
			.isInstanceOfSatisfying(com.corpbank.portal.write.MutationRejected.class,
					rejected -> assertThat(rejected.errors()).singleElement()
						.satisfies(error -> assertThat(error.code().name()).isEqualTo("CONFLICT")));
		assertThat(this.mongoTemplate.count(new Query(), RetieringJob.class)).isEqualTo(1);
	}

	@Test
	void aJobResumedTooOftenIsMarkedFailed() {
		book(10);
		this.work.dieBeforeChunk(1);
		assertThatThrownBy(() -> this.jobs.runToCompletion(ADMIN, new StartRetieringInput(null)))
			.isInstanceOf(RunnerDeath.class);
		this.mongoTemplate.updateFirst(new Query(), new Update().set("resumedCount", 10), RetieringJob.class);
		lapseTheLease();

		assertThat(this.jobs.resumeAbandoned()).isEqualTo(1);

		RetieringJob job = this.mongoTemplate.findOne(new Query(), RetieringJob.class);
		assertThat(job.status()).isEqualTo(RetieringJobStatus.FAILED);
		assertThat(job.endedAt()).isNotNull();
		assertThat(this.mongoTemplate.count(new Query(), RetieringJobs.RUNNING)).isZero();
	}

	/** {@code count} clients (ids and a USCC: the job reads only the ids), their ids ascending. */
	private List<String> book(int count) {
		List<Document> clients = new ArrayList<>();
		// The USCC only because the store's unique index on it refuses two clients without one.
		IntStream.rangeClosed(1, count)
			.forEach(i -> clients.add(new Document("_id", "C%06d".formatted(i)).append("uscc", "U%06d".formatted(i))));
		this.mongoTemplate.getCollection("clients").insertMany(clients);
		return clients.stream().map(client -> client.getString("_id")).toList();
	}

	/** What the passing of the lease's term does: its expiry is in the past. */
	private void lapseTheLease() {
		this.mongoTemplate.updateFirst(new Query(Criteria.where("_id").is(RetieringLease.NAME)),
				new Update().set("lockUntil", Date.from(Instant.now().minusSeconds(1))), "shedLock");
	}

	private RetieringJob awaitEnd(String id) throws InterruptedException {
		// A guard against a hung job, not a timing assertion.
		for (int i = 0; i < 2_400; i++) {
			RetieringJob job = this.mongoTemplate.findById(id, RetieringJob.class);
			if (job != null && job.status() != RetieringJobStatus.RUNNING) {
				return job;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("job " + id + " did not end");
	}

	private List<String> auditOperations(String jobId) {
		return this.mongoTemplate.find(new Query(Criteria.where("entityId").is(jobId)), Document.class, "audit_events")
			.stream()
			.map(event -> event.getString("operation"))
			.toList();
	}

}
