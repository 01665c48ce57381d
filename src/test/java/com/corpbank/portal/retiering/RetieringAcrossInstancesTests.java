package com.corpbank.portal.retiering;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.corpbank.portal.audit.RecoverySweep;
import com.corpbank.portal.support.TestIdentityProvider;
import com.corpbank.portal.write.MutationRejected;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.corpbank.portal.support.Testers.as;
import static com.corpbank.portal.retiering.DemoBookRunChecks.ADMIN;
import static com.corpbank.portal.retiering.DemoBookRunChecks.BOOK;
import static com.corpbank.portal.retiering.DemoBookRunChecks.assertASecondJobChangesNothing;
import static com.corpbank.portal.retiering.DemoBookRunChecks.assertOneUninterruptedRunsResult;
import static com.corpbank.portal.retiering.DemoBookRunChecks.awaitEnd;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "One job at a time even with several service instances", and the hand-over of a job between them, with the real
 * work: ONE store started by the test and TWO whole services over it (instances A and B, each its own application
 * context, driver and job runner), the demo book (336 clients) and the demo model, evaluated for real in chunks of
 * {@value #CHUNK}. Shown:
 * <ul>
 * <li>while A runs a job, B's {@code startRetiering} (over its own GraphQL endpoint, as ADMIN) is a CONFLICT naming
 * A's job, and B's resume sweep takes nothing: A's lease is alive;</li>
 * <li>two starts racing on A and B at the same moment make exactly one job; the other caller gets CONFLICT;</li>
 * <li>when A stops mid-job (its context closes), it pauses at its checkpoint and releases the lease, and B's sweep
 * resumes the SAME job from that checkpoint to the end, leaving exactly what one uninterrupted run leaves: one
 * tier-history entry and one audit event per client, and a second job changes nothing;</li>
 * <li>when A stops inside a chunk (its clients written, its checkpoint not), A still releases the lease, and B does
 * that one chunk again without writing anything twice.</li>
 * </ul>
 * A job is kept "running" without sleeps: {@link RunnerWatch} holds A's runner right after the store acknowledged a
 * chosen checkpoint or chunk write; closing A then interrupts it right there, as a shutdown does. The lease ({@value #LEASE}) is long enough never to lapse during a test, so every hand-over
 * here is by release, not by timing; the lapse after a real crash is {@code RetieringCrashResumeTests}'s subject.
 */
class RetieringAcrossInstancesTests {

	static final int CHUNK = 40;

	static final String LEASE = "PT1M";

	private MongoServer store;

	private Instance a;

	private Instance b;

	@BeforeEach
	void startOneStoreAndTwoInstances() {
		this.store = SharedStore.start();
		// A first: it finds the store empty and loads the demo book and model; B finds them there.
		this.a = new Instance(this.store);
		this.b = new Instance(this.store);
	}

	@AfterEach
	void stopInstancesAndStore() {
		this.a.close();
		this.b.close();
		this.store.shutdownNow();
	}

	@Test
	void whileAnInstanceRunsAJobTheOtherIsRefusedAndResumesNothingThenTakesItOverFromTheCheckpointWhenTheFirstStops()
			throws Exception {
		List<String> ids = clientIds();
		assertThat(ids).hasSize(BOOK);
		this.a.watch.holdAtCheckpoint(2);

		RetieringJob started = this.a.jobs().start(ADMIN, new StartRetieringInput("across instances"));
		this.a.watch.awaitHeld();

		RetieringJob onA = job(started.id());
		assertThat(onA.status()).isEqualTo(RetieringJobStatus.RUNNING);
		assertThat(onA.processed()).isEqualTo(2 * CHUNK);
		assertThat(onA.lastClientId()).isEqualTo(ids.get(2 * CHUNK - 1));
		as(this.b.graphQl(), "admin").document(StartRetieringTests.START)
			.variable("input", Map.of("reason", "second instance"))
			.execute()
			.path("startRetiering.job").valueIsNull()
			.path("startRetiering.errors[0].code").entity(String.class).isEqualTo("CONFLICT")
			.path("startRetiering.errors[0].message").entity(String.class).satisfies(message -> assertThat(message)
				.contains(started.id()));
		assertThat(this.b.jobs().resumeAbandoned()).as("A's lease is alive: B takes nothing").isZero();
		assertThat(job(started.id())).as("B changed nothing on the job").isEqualTo(onA);
		assertThat(this.b.template().count(new Query(), RetieringJob.class)).isEqualTo(1);

		// A shuts down while held after checkpoint 2: the interrupt ends the hold, and the job loop pauses there.
		this.a.close();
		assertThat(job(started.id())).as("A left the job RUNNING at its checkpoint, not further").isEqualTo(onA);
		assertThat(leaseUntil()).as("A released the lease on its way out").isBeforeOrEqualTo(Instant.now());

		assertThat(this.b.jobs().resumeAbandoned()).as("B takes the job over at once").isEqualTo(1);
		RetieringJob ended = awaitEnd(this.b.template(), started.id());

		assertThat(ended.status()).isEqualTo(RetieringJobStatus.COMPLETED);
		assertThat(ended.resumedCount()).isEqualTo(1);
		assertThat(ended.total()).isEqualTo(BOOK);
		assertThat(ended.processed()).isEqualTo(BOOK);
		assertThat(ended.failed()).isZero();
		assertThat(ended.lastClientId()).isEqualTo(ids.get(BOOK - 1));
		assertThat(this.b.watch.idReadsAfter()).as("B's reads start after A's checkpoint, not from zero")
			.isEqualTo(chunkReadsAfter(ids, 2 * CHUNK));
		assertOneUninterruptedRunsResult(this.b.template(), ended, ids);
		assertASecondJobChangesNothing(this.b.template(), this.b.jobs());
	}

	@Test
	void anInstanceStoppedInsideAChunkReleasesTheLeaseAndTheOtherDoesThatChunkAgainWithoutWritingAnythingTwice()
			throws Exception {
		List<String> ids = clientIds();
		this.a.watch.holdAtChunkWrite(3);
		RetieringJob started = this.a.jobs().start(ADMIN, new StartRetieringInput("stopped inside a chunk"));
		this.a.watch.awaitHeld();

		// A shuts down with chunk 3's clients written but not its checkpoint: its next store command fails.
		this.a.close();
		RetieringJob stopped = job(started.id());
		assertThat(stopped.status()).isEqualTo(RetieringJobStatus.RUNNING);
		assertThat(stopped.processed()).isEqualTo(2 * CHUNK);
		assertThat(stopped.lastClientId()).isEqualTo(ids.get(2 * CHUNK - 1));
		assertThat(this.b.template().count(new Query(Criteria.where("pendingOutbox._id").exists(true)), "clients"))
			.as("chunk 3's clients are written, their audit records left in the outbox")
			.isEqualTo(CHUNK);
		assertThat(leaseUntil()).as("A released the lease although its chunk failed on the way out")
			.isBeforeOrEqualTo(Instant.now());

		assertThat(this.b.jobs().resumeAbandoned()).as("B takes the job over at once").isEqualTo(1);
		RetieringJob ended = awaitEnd(this.b.template(), started.id());
		// B's next scheduled sweep moves what A left in the outbox (the schedule is an hour away in this test).
		this.b.context.getBeanProvider(RecoverySweep.class).orderedStream().forEach(RecoverySweep::sweep);

		assertThat(ended.status()).isEqualTo(RetieringJobStatus.COMPLETED);
		assertThat(ended.processed()).isEqualTo(BOOK);
		assertThat(ended.resumedCount()).isEqualTo(1);
		assertThat(this.b.watch.idReadsAfter()).as("B does chunk 3 again, then goes on")
			.isEqualTo(chunkReadsAfter(ids, 2 * CHUNK));
		// B finds chunk 3's clients at the result A wrote (A's count of them was never checkpointed): they still count
		// as changed by this job, as in one uninterrupted run. The history has them once.
		assertThat(ended.changed()).isEqualTo(BOOK);
		assertThat(this.b.template().count(new Query(Criteria.where("pendingOutbox._id").exists(true)), "clients"))
			.isZero();
		assertOneUninterruptedRunsResult(this.b.template(), ended, ids);
		assertASecondJobChangesNothing(this.b.template(), this.b.jobs());
	}

	@Test
	void twoStartsRacingOnTwoInstancesMakeOneJobAndTheOtherCallerGetsConflict() throws Exception {
		// Whichever wins is held after its first checkpoint, so the job is certainly still running when we look.
		this.a.watch.holdAtCheckpoint(1);
		this.b.watch.holdAtCheckpoint(1);
		CountDownLatch ready = new CountDownLatch(2);
		CountDownLatch go = new CountDownLatch(1);
		ExecutorService callers = Executors.newFixedThreadPool(2);
		try {
			Future<Object> onA = callers.submit(racer(this.a, ready, go));
			Future<Object> onB = callers.submit(racer(this.b, ready, go));
			ready.await(1, TimeUnit.MINUTES);
			go.countDown();
			List<Object> outcomes = List.of(onA.get(1, TimeUnit.MINUTES), onB.get(1, TimeUnit.MINUTES));

			assertThat(outcomes).filteredOn(RetieringJob.class::isInstance).as("exactly one start wins").hasSize(1);
			assertThat(outcomes).filteredOn(String.class::isInstance)
				.as("the other is refused as a conflict")
				.containsExactly("CONFLICT");
			assertThat(this.a.template().findAll(RetieringJob.class)).as("one job in the store").hasSize(1);
			RetieringJob winner = (RetieringJob) outcomes.stream()
				.filter(RetieringJob.class::isInstance)
				.findFirst()
				.orElseThrow();
			Instance running = (outcomes.get(0) == winner) ? this.a : this.b;
			running.watch.awaitHeld();
			running.watch.release();
			RetieringJob ended = awaitEnd(this.b.template(), winner.id());
			assertThat(ended.status()).isEqualTo(RetieringJobStatus.COMPLETED);
			assertThat(ended.processed()).isEqualTo(BOOK);
			assertThat(ended.resumedCount()).isZero();
		}
		finally {
			callers.shutdownNow();
		}
	}

	/** One start at the moment {@code go} opens: the job it started, or the code of its refusal. */
	private static Callable<Object> racer(Instance instance, CountDownLatch ready, CountDownLatch go) {
		return () -> {
			ready.countDown();
			go.await();
			try {
				return instance.jobs().start(ADMIN, new StartRetieringInput("race"));
			}
			catch (MutationRejected rejected) {
				return rejected.errors().get(0).code().name();
			}
		};
	}

	/** The id reads of a runner that goes on after the {@code done}-th client: one per chunk, one past the end. */
	/** The runner's one walk over the ids (ClientIdChunks) starts after the last id of the {@code done} clients. */
	private static List<String> chunkReadsAfter(List<String> ids, int done) {
		return List.of(ids.get(done - 1));
	}

	private List<String> clientIds() {
		Query query = new Query().with(Sort.by("_id"));
		query.fields().include("_id");
		return this.b.template().find(query, Document.class, "clients").stream()
			.map(client -> client.getString("_id"))
			.toList();
	}

	private RetieringJob job(String id) {
		return this.b.template().findById(id, RetieringJob.class);
	}

	private Instant leaseUntil() {
		Document lease = this.b.template().findById(RetieringLease.NAME, Document.class, "shedLock");
		return lease.get("lockUntil", Date.class).toInstant();
	}

	/** One service instance over the shared store, with a watch on its runner. */
	static final class Instance implements AutoCloseable {

		final RunnerWatch watch = new RunnerWatch();

		final ConfigurableApplicationContext context;

		Instance(MongoServer store) {
			this.context = SharedStore.service(SharedStore.uri(store), CHUNK, LEASE, this.watch,
					"--portal.security.issuer-uri=" + TestIdentityProvider.ISSUER,
					"--portal.security.jwk-set-uri=" + TestIdentityProvider.get().jwkSetUri());
		}

		RetieringJobs jobs() {
			return this.context.getBean(RetieringJobs.class);
		}

		MongoTemplate template() {
			return this.context.getBean(MongoTemplate.class);
		}

		HttpGraphQlTester graphQl() {
			return HttpGraphQlTester.builder(WebTestClient.bindToServer()
				.baseUrl("http://localhost:" + this.context.getEnvironment().getProperty("local.server.port")
						+ "/graphql"))
				// A first request to a cold instance on a busy machine may take longer than the default 5 s.
				.responseTimeout(Duration.ofSeconds(30))
				.build();
		}

		@Override
		public void close() {
			// Closing first: a runner held at a checkpoint is then stopped by the shutdown's interrupt right there,
			// not let go into the next chunk.
			this.context.close();
			this.watch.release();
		}

	}

}
