package com.corpbank.portal.retiering;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.corpbank.portal.retiering.CrashingRetieringService.HaltPoint;
import com.corpbank.portal.support.ChildLog;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static com.corpbank.portal.retiering.DemoBookRunChecks.BOOK;
import static com.corpbank.portal.retiering.DemoBookRunChecks.assertASecondJobChangesNothing;
import static com.corpbank.portal.retiering.DemoBookRunChecks.assertOneUninterruptedRunsResult;
import static com.corpbank.portal.retiering.DemoBookRunChecks.awaitEnd;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Resumable after the process dies (it continues from the last finished chunk, not from zero), idempotent", with a
 * real process death and the real work: a child JVM ({@link CrashingRetieringService}) runs the service over the
 * test's store, loads the demo book (336 clients) and model, starts a job in chunks of {@value #CHUNK} and is halted
 * mid-job. The store is read as the crash left it; once the dead runner's lease ({@value #LEASE}) has lapsed in real
 * time, a NEW service is started over the store and its start-up sweep resumes the job. Shown for two deaths:
 * <ul>
 * <li>right after the 3rd checkpoint: the job was at client 150; the new service reads on from there, never from
 * zero, and completes it (processed 336 of 336, resumed once);</li>
 * <li>inside the 4th chunk, after its clients were written but before its checkpoint: the new service does that one
 * chunk again, which writes nothing a second time.</li>
 * </ul>
 * Either way the book ends as one uninterrupted run leaves it (one tier-history entry and one audit event per
 * client, each client pointing at its entry), and a second job changes nothing.
 */
class RetieringCrashResumeTests {

	static final int CHUNK = 50;

	/** Short, because the test waits for it to lapse; several times a chunk's duration, which it must exceed. */
	static final String LEASE = "PT5S";

	@TempDir
	Path logs;

	private MongoServer store;

	@BeforeEach
	void startStore() {
		this.store = SharedStore.start();
	}

	@AfterEach
	void stopStore() {
		this.store.shutdownNow();
	}

	@Test
	void aServiceHaltedAfterItsThirdCheckpointIsResumedByANewServiceAfterClient150AndTheBookEndsAsOneRunLeavesIt()
			throws Exception {
		crash(HaltPoint.AFTER_CHECKPOINT, 3);

		List<String> ids;
		Instant leaseUntil;
		try (MongoClient client = MongoClients.create(this.store.getConnectionString())) {
			MongoDatabase crashed = client.getDatabase("portal");
			ids = clientIds(crashed);
			assertThat(ids).hasSize(BOOK);
			Document job = onlyJob(crashed);
			assertThat(job.getString("status")).as("a dead runner leaves its job RUNNING").isEqualTo("RUNNING");
			assertThat(job.getLong("processed")).isEqualTo(3 * CHUNK);
			assertThat(job.getString("lastClientId")).isEqualTo(ids.get(3 * CHUNK - 1));
			assertThat(job.getInteger("resumedCount")).isZero();
			assertThat(historyClientIds(crashed)).as("the three finished chunks' history, nothing beyond")
				.containsExactlyInAnyOrderElementsOf(ids.subList(0, 3 * CHUNK));
			leaseUntil = leaseUntil(crashed);
		}

		awaitLapse(leaseUntil);
		RunnerWatch watch = new RunnerWatch();
		try (ConfigurableApplicationContext restarted = service(watch)) {
			MongoTemplate store = restarted.getBean(MongoTemplate.class);
			RetieringJob taken = store.findOne(new Query(), RetieringJob.class);
			assertThat(taken.resumedCount()).as("the start-up sweep took the job over").isEqualTo(1);
			RetieringJob ended = awaitEnd(store, taken.id());

			assertThat(ended.status()).isEqualTo(RetieringJobStatus.COMPLETED);
			assertThat(ended.total()).isEqualTo(BOOK);
			assertThat(ended.processed()).isEqualTo(BOOK);
			assertThat(ended.changed()).as("150 by the dead runner, the rest by the new one").isEqualTo(BOOK);
			assertThat(ended.failed()).isZero();
			assertThat(ended.resumedCount()).isEqualTo(1);
			assertThat(watch.idReadsAfter()).as("the resumed runner reads on after client 150, never from the start")
				.isEqualTo(chunkReadsAfterTheThirdCheckpoint(ids));
			assertOneUninterruptedRunsResult(store, ended, ids);
			assertASecondJobChangesNothing(store, restarted.getBean(RetieringJobs.class));
		}
	}

	@Test
	void aServiceHaltedInsideItsFourthChunkIsResumedAtThatChunkWhichWritesNothingTwice() throws Exception {
		crash(HaltPoint.AFTER_CHUNK_WRITE, 4);

		List<String> ids;
		Instant leaseUntil;
		try (MongoClient client = MongoClients.create(this.store.getConnectionString())) {
			MongoDatabase crashed = client.getDatabase("portal");
			ids = clientIds(crashed);
			Document job = onlyJob(crashed);
			assertThat(job.getString("status")).isEqualTo("RUNNING");
			assertThat(job.getLong("processed")).as("the 4th chunk's checkpoint was never written")
				.isEqualTo(3 * CHUNK);
			assertThat(crashed.getCollection("clients")
				.countDocuments(Filters.and(Filters.in("_id", ids.subList(3 * CHUNK, 4 * CHUNK)),
						Filters.exists("pendingOutbox._id"))))
				.as("its clients are written, their audit records still in the outbox")
				.isEqualTo(CHUNK);
			leaseUntil = leaseUntil(crashed);
		}

		awaitLapse(leaseUntil);
		RunnerWatch watch = new RunnerWatch();
		try (ConfigurableApplicationContext restarted = service(watch)) {
			MongoTemplate store = restarted.getBean(MongoTemplate.class);
			RetieringJob ended = awaitEnd(store, store.findOne(new Query(), RetieringJob.class).id());

			assertThat(ended.status()).isEqualTo(RetieringJobStatus.COMPLETED);
			assertThat(ended.processed()).isEqualTo(BOOK);
			assertThat(ended.resumedCount()).isEqualTo(1);
			assertThat(watch.idReadsAfter()).as("the resumed runner does the unfinished 4th chunk again, no more")
				.isEqualTo(chunkReadsAfterTheThirdCheckpoint(ids));
			// The redone chunk finds its clients at the result the dead runner wrote (its count of them was lost with
			// the checkpoint): they still count as changed by this job. The history has them once.
			assertThat(ended.changed()).isEqualTo(BOOK);
			assertThat(store.count(new Query(Criteria.where("pendingOutbox._id").exists(true)), "clients"))
				.as("the outbox the crash left was moved")
				.isZero();
			assertOneUninterruptedRunsResult(store, ended, ids);
			assertASecondJobChangesNothing(store, restarted.getBean(RetieringJobs.class));
		}
	}

	/** The id reads of a runner that goes on after client 150: chunks 4 to 7, then the empty read that ends it. */
	/** The resumed runner's one walk over the ids (ClientIdChunks) starts after the 3rd checkpoint's last id. */
	private static List<String> chunkReadsAfterTheThirdCheckpoint(List<String> ids) {
		return List.of(ids.get(149));
	}

	/** Runs the service in a child JVM over the store until it halts at the point. */
	private void crash(HaltPoint point, int ordinal) throws IOException, InterruptedException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		File log = this.logs.resolve("child-" + point + ".log").toFile();
		List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1", "-cp", classpath,
				CrashingRetieringService.class.getName(), SharedStore.uri(this.store), point.name(),
				String.valueOf(ordinal), String.valueOf(CHUNK), LEASE));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
		// A guard against a hung child, not a timing assertion.
		if (!process.waitFor(5, TimeUnit.MINUTES)) {
			process.destroyForcibly().waitFor();
		}
		assertThat(process.exitValue())
			.as("the child halted at " + point + " " + ordinal + "; its log:\n" + ChildLog.tail(log))
			.isEqualTo(CrashingRetieringService.HALTED);
	}

	private ConfigurableApplicationContext service(RunnerWatch watch) {
		return SharedStore.service(SharedStore.uri(this.store), CHUNK, LEASE, watch,
				// never contacted: no request comes over HTTP
				"--portal.security.jwk-set-uri=http://127.0.0.1:9/certs");
	}

	/** Waits until real time has passed the dead runner's lease, as it would before any instance may resume. */
	private static void awaitLapse(Instant until) throws InterruptedException {
		assertThat(until).as("the lease a dead runner left").isBefore(Instant.now().plus(Duration.parse(LEASE)));
		while (!Instant.now().isAfter(until)) {
			Thread.sleep(Math.max(1, Duration.between(Instant.now(), until).toMillis() + 1));
		}
	}

	private static List<String> clientIds(MongoDatabase store) {
		return store.getCollection("clients")
			.find()
			.projection(Projections.include("_id"))
			.sort(Sorts.ascending("_id"))
			.map(client -> client.getString("_id"))
			.into(new ArrayList<>());
	}

	private static Document onlyJob(MongoDatabase store) {
		List<Document> jobs = store.getCollection(RetieringJobs.JOBS).find().into(new ArrayList<>());
		assertThat(jobs).hasSize(1);
		return jobs.get(0);
	}

	private static List<String> historyClientIds(MongoDatabase store) {
		return store.getCollection("tier_history")
			.find()
			.map(entry -> entry.getString("clientId"))
			.into(new ArrayList<>());
	}

	private static Instant leaseUntil(MongoDatabase store) {
		Document lease = store.getCollection("shedLock").find(Filters.eq("_id", RetieringLease.NAME)).first();
		assertThat(lease).as("the dead runner's lease").isNotNull();
		return lease.get("lockUntil", Date.class).toInstant();
	}

}
