package com.corpbank.portal.retiering;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import com.corpbank.portal.BankTime;
import com.corpbank.portal.audit.Actor;
import com.corpbank.portal.audit.AuditEvent;
import com.corpbank.portal.audit.AuditedWrites;
import com.corpbank.portal.audit.WriteTarget;
import com.corpbank.portal.client.Client;
import com.corpbank.portal.client.ClientIdChunks;
import com.corpbank.portal.security.Caller;
import com.corpbank.portal.write.InputCheck;
import com.corpbank.portal.write.MutationRejected;
import com.corpbank.portal.write.UserError;
import com.corpbank.portal.write.UserErrorCode;
import com.mongodb.client.result.UpdateResult;
import jakarta.annotation.PreDestroy;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Batch re-tiering jobs: start one (ADMIN), run it chunk by chunk, resume it after its runner died, read them.
 *
 * <p>Spring Batch's MongoDB job repository cannot run on the embedded store (no sessions, so no transactions: see
 * {@code SpringBatchOnEmbeddedStoreTests}), so the job keeps its own state in {@value #JOBS}, with the guarantees a
 * job repository would give:
 * <ul>
 * <li><b>chunked, memory flat in the book</b>: one read of the client ids after the checkpoint
 * ({@code _id > lastClientId}, ids only, in batches of {@code chunkSize}: {@link ClientIdChunks}); per chunk
 * {@link RetieringWork#process}, then ONE write of the job document that advances the counts and the checkpoint;</li>
 * <li><b>resumable</b>: a runner that dies leaves the job RUNNING at its last checkpoint; once its lease lapses the
 * resume sweep (start-up and schedule) takes the job over and continues after the checkpoint, so at most the chunk
 * that was running is done again, which the work's idempotence makes harmless;</li>
 * <li><b>one at a time across instances</b>: ShedLock's lease ({@link RetieringLease}) held while running and renewed
 * per chunk, a singleton marker document in {@value #RUNNING} (its unique {@code _id} refuses a second RUNNING job,
 * since the embedded store has no partial unique index), and a runner token that every checkpoint write matches
 * (a runner that stalled past its lease finds the job taken over and stops).</li>
 * </ul>
 * Start and end are audited ({@link AuditedWrites}); checkpoints are progress, not changes, and are not.
 */
@Service
public class RetieringJobs {

	static final String JOBS = "retiering_jobs";

	/** The singleton marker: present exactly while a job is RUNNING. */
	static final String RUNNING = "retiering_running";

	static final String MARKER_ID = "retiering";

	static final int FAILED_IDS_KEPT = 100;

	static final String START = "startRetiering";

	static final String FINISH = "finishRetiering";

	private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS")
		.withZone(ZoneOffset.UTC);

	private static final WriteTarget TARGET = WriteTarget.of("re-tiering job", "id");

	/** Who the end of a job is recorded by: the job itself (a resumed job ends on another instance, in no request). */
	private static final Caller JOB_CALLER = new Caller("retiering-job", "retiering-job", "批量重新分层", Set.of(), null);

	private static final Logger log = LoggerFactory.getLogger(RetieringJobs.class);

	private final MongoTemplate mongoTemplate;

	private final AuditedWrites writes;

	private final RetieringLease lease;

	private final RetieringProperties properties;

	private final java.time.Clock clock;

	private final ObjectProvider<ActiveModelVersion> activeModel;

	private final ObjectProvider<RetieringWork> work;

	private final ClientIdChunks clientIds;

	/** One runner thread: a job never runs on a request thread, and never twice in one instance. */
	private final ExecutorService runner = Executors.newSingleThreadExecutor(task -> {
		Thread thread = new Thread(task, "retiering-runner");
		thread.setDaemon(true);
		return thread;
	});

	/** The job this instance is running now, if any. */
	private final AtomicReference<@Nullable String> runningHere = new AtomicReference<>();

	RetieringJobs(MongoTemplate mongoTemplate, AuditedWrites writes, RetieringLease lease,
			RetieringProperties properties, java.time.Clock clock, ObjectProvider<ActiveModelVersion> activeModel,
			ObjectProvider<RetieringWork> work, ClientIdChunks clientIds) {
		this.mongoTemplate = mongoTemplate;
		this.clientIds = clientIds;
		this.writes = writes;
		this.lease = lease;
		this.properties = properties;
		this.clock = clock;
		this.activeModel = activeModel;
		this.work = work;
	}

	/**
	 * Starts a job over the whole book with the active model and returns it RUNNING at once; the chunks run on the
	 * background runner.
	 * @throws MutationRejected VALIDATION (input, or no active model), CONFLICT (a job is running)
	 */
	public RetieringJob start(Actor actor, StartRetieringInput input) {
		Begun begun = begin(actor, input);
		this.runner.execute(() -> runQuietly(begun));
		return begun.job();
	}

	/**
	 * Starts a job and runs it to the end on the calling thread: for benchmarks and tools that time the whole job.
	 * @return the job as it ended (COMPLETED), or as it stood when a chunk failed
	 * @throws MutationRejected as {@link #start}
	 */
	public RetieringJob runToCompletion(Actor actor, StartRetieringInput input) {
		Begun begun = begin(actor, input);
		return runChunks(begun.job(), begun.lock(), begun.job().runner());
	}

	public Optional<RetieringJob> find(String id) {
		return Optional.ofNullable(this.mongoTemplate.findById(id, RetieringJob.class));
	}

	/** Jobs newest first (ids lead with their start time); one more than asked, to tell whether a page follows. */
	List<RetieringJob> newestFirst(int first, @Nullable String afterId) {
		Query query = new Query().with(Sort.by(Sort.Direction.DESC, "_id")).limit(first + 1);
		if (afterId != null) {
			query.addCriteria(Criteria.where("_id").lt(afterId));
		}
		return this.mongoTemplate.find(query, RetieringJob.class);
	}

	// ---- Start ---------------------------------------------------------------------------------------------

	private record Begun(RetieringJob job, SimpleLock lock) {
	}

	private Begun begin(Actor actor, StartRetieringInput input) {
		InputCheck check = InputCheck.of("input");
		String reason = check.optionalText("reason", input.reason(), InputCheck.MAX_REASON_LENGTH);
		check.throwIfInvalid();
		String modelVersion = currentModel().orElseThrow(() -> new MutationRejected(UserError.of(
				UserErrorCode.VALIDATION, List.of("input"),
				"No scoring model is active: activate a model before re-tiering the book.")));
		SimpleLock lock = this.lease.acquire().orElseThrow(this::running);
		try {
			Instant now = this.clock.instant();
			String id = "RJ-" + ID_TIME.format(now) + "-" + UUID.randomUUID().toString().substring(0, 8);
			insertMarker(id);
			try {
				LocalDate asOf = (this.properties.asOf() != null) ? this.properties.asOf()
						: LocalDate.ofInstant(now, BankTime.ZONE);
				long total = this.mongoTemplate.count(new Query(), this.mongoTemplate.getCollectionName(Client.class));
				RetieringJob job = new RetieringJob(id, RetieringJobStatus.RUNNING, modelVersion, asOf, total, 0, 0, 0,
						List.of(), now, actor.caller().username(), reason, null, null, 0, now, newToken(), 0L);
				AuditEvent event = AuditEvent.by(actor, now, START)
					.reason(reason)
					.change("status", null, job.status())
					.change("modelVersion", null, modelVersion)
					.change("asOf", null, asOf)
					.change("total", null, total)
					.about("RetieringJob", id, 0L, null);
				return new Begun(this.writes.insert(job, event), lock);
			}
			catch (RuntimeException ex) {
				this.mongoTemplate.remove(new Query(Criteria.where("_id").is(MARKER_ID).and("jobId").is(id)), RUNNING);
				throw ex;
			}
		}
		catch (RuntimeException ex) {
			lock.unlock();
			throw ex;
		}
	}

	private void insertMarker(String jobId) {
		try {
			this.mongoTemplate.insert(new Document("_id", MARKER_ID).append("jobId", jobId), RUNNING);
		}
		catch (DuplicateKeyException ex) {
			// A job is RUNNING without a live runner (it died): the resume sweep continues it, no second one starts.
			throw running();
		}
	}

	private MutationRejected running() {
		Document marker = this.mongoTemplate.findById(MARKER_ID, Document.class, RUNNING);
		String which = (marker != null) ? " (" + marker.getString("jobId") + ")" : "";
		return new MutationRejected(UserError.of(UserErrorCode.CONFLICT, List.of("input"),
				"A re-tiering job is running" + which + ": one runs at a time. Follow it with retieringJob(id)."));
	}

	private Optional<String> currentModel() {
		ActiveModelVersion model = this.activeModel.getIfUnique();
		return (model != null) ? model.current() : Optional.empty();
	}

	// ---- Run -----------------------------------------------------------------------------------------------

	private void runQuietly(Begun begun) {
		try {
			runChunks(begun.job(), begun.lock(), begun.job().runner());
		}
		catch (RuntimeException ex) {
			// Logged by runChunks; the job stays RUNNING at its checkpoint for the resume sweep.
		}
	}

	/**
	 * Runs the job's remaining chunks while this runner holds the lease and owns the job ({@code token}). Returns when
	 * the job is finished, the lease lapsed, another runner took the job over, or the instance shuts down; the last
	 * three leave the job RUNNING at its checkpoint. A chunk that throws leaves it so too, releases the lease for the
	 * resume sweep and rethrows. An {@link Error} passes through untouched, like a crash.
	 */
	RetieringJob runChunks(RetieringJob job, SimpleLock lock, @Nullable String token) {
		RetieringWork chunkWork = this.work.getIfUnique();
		if (chunkWork == null) {
			log.warn("Re-tiering job {} waits: no RetieringWork in this instance", job.id());
			lock.unlock();
			return job;
		}
		RetieringRun run = job.run();
		String last = job.lastClientId();
		long processed = job.processed();
		long changed = job.changed();
		long failed = job.failed();
		List<String> failedIds = new ArrayList<>(job.failedClientIds());
		SimpleLock held = lock;
		this.runningHere.set(job.id());
		try (ClientIdChunks.Walk walk = this.clientIds.after(last, this.properties.chunkSize())) {
			while (true) {
				if (Thread.currentThread().isInterrupted()) {
					log.info("Re-tiering job {} pauses at {} for shutdown; another instance resumes it", job.id(), last);
					SimpleLock pausing = held;
					return despiteInterrupt(() -> {
						pausing.unlock();
						return current(job);
					});
				}
				Optional<SimpleLock> renewed = this.lease.renew(held);
				if (renewed.isEmpty()) {
					log.warn("Re-tiering job {} lost its lease at {}; it is resumed elsewhere", job.id(), last);
					return current(job);
				}
				held = renewed.get();
				List<String> ids = walk.next();
				if (ids.isEmpty()) {
					RetieringJob finished = finish(current(job), token, RetieringJobStatus.COMPLETED);
					held.unlock();
					return finished;
				}
				ChunkOutcome outcome = chunkWork.process(run, ids);
				processed += outcome.processed();
				changed += outcome.changed();
				failed += outcome.failed();
				for (String id : outcome.failedClientIds()) {
					if (failedIds.size() < FAILED_IDS_KEPT) {
						failedIds.add(id);
					}
				}
				last = ids.get(ids.size() - 1);
				UpdateResult checkpoint = this.mongoTemplate.updateFirst(owned(job.id(), token),
						new Update().set("lastClientId", last)
							.set("processed", processed)
							.set("changed", changed)
							.set("failed", failed)
							.set("failedClientIds", failedIds)
							.set("updatedAt", this.clock.instant()),
						JOBS);
				if (checkpoint.getMatchedCount() == 0) {
					log.warn("Re-tiering job {} was taken over by another runner; this one stops", job.id());
					return current(job);
				}
			}
		}
		catch (RuntimeException ex) {
			log.warn("Re-tiering job {} stopped after {} ({}); it resumes from there", job.id(), last,
					ex.getClass().getSimpleName());
			unlockQuietly(held);
			throw ex;
		}
		finally {
			this.runningHere.compareAndSet(job.id(), null);
		}
	}

	private RetieringJob finish(RetieringJob job, @Nullable String token, RetieringJobStatus status) {
		Instant now = this.clock.instant();
		AuditEvent event = AuditEvent.by(new Actor(JOB_CALLER, job.id()), now, FINISH)
			.change("status", job.status(), status)
			.change("processed", null, job.processed())
			.change("changed", null, job.changed())
			.change("failed", null, job.failed())
			.about("RetieringJob", job.id(), versionOf(job) + 1, null);
		RetieringJob ended = this.writes.update(RetieringJob.class, ownedCriteria(job.id(), token), versionOf(job),
				new Update().set("status", status).set("endedAt", now).set("updatedAt", now).unset("runner"), TARGET,
				event);
		this.mongoTemplate.remove(new Query(Criteria.where("_id").is(MARKER_ID).and("jobId").is(job.id())), RUNNING);
		log.info("Re-tiering job {} {}: {} processed, {} changed, {} failed", job.id(), status, ended.processed(),
				ended.changed(), ended.failed());
		return ended;
	}

	private static long versionOf(RetieringJob job) {
		return (job.version() != null) ? job.version() : 0;
	}

	private static Criteria ownedCriteria(String jobId, @Nullable String token) {
		return Criteria.where("_id").is(jobId).and("status").is(RetieringJobStatus.RUNNING).and("runner").is(token);
	}

	private static Query owned(String jobId, @Nullable String token) {
		return new Query(ownedCriteria(jobId, token));
	}

	private RetieringJob current(RetieringJob job) {
		RetieringJob now = this.mongoTemplate.findById(job.id(), RetieringJob.class);
		return (now != null) ? now : job;
	}

	private static String newToken() {
		return UUID.randomUUID().toString();
	}

	private static void unlockQuietly(SimpleLock lock) {
		despiteInterrupt(() -> {
			try {
				lock.unlock();
			}
			catch (RuntimeException ex) {
				// The lease then lapses on its own.
			}
			return null;
		});
	}

	/**
	 * Runs store commands on a runner thread that is interrupted for shutdown ({@link #stopRunner}): the driver
	 * refuses every command while the thread's interrupt flag is set (MongoInterruptedException), which left the lease
	 * held for its whole term instead of released for another instance. The flag is cleared for the commands and set
	 * again after them.
	 */
	private static <T> T despiteInterrupt(Supplier<T> commands) {
		boolean interrupted = Thread.interrupted();
		try {
			return commands.get();
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	// ---- Resume --------------------------------------------------------------------------------------------

	/**
	 * Takes over a RUNNING job whose runner is gone (its lease lapsed) and continues it on the background runner;
	 * a job resumed {@code maxResumes} times already is marked FAILED instead. Also clears a marker that a crash
	 * left without its job.
	 * @return 1 when a job was resumed or given up, else 0
	 */
	int resumeAbandoned() {
		RetieringJob running = this.mongoTemplate.findOne(
				new Query(Criteria.where("status").is(RetieringJobStatus.RUNNING)), RetieringJob.class);
		boolean markerLeft = running == null && this.mongoTemplate.exists(new Query(), RUNNING);
		if ((running == null && !markerLeft) || (running != null && running.id().equals(this.runningHere.get()))) {
			return 0;
		}
		if (running != null && this.work.getIfUnique() == null) {
			return 0;
		}
		Optional<SimpleLock> acquired = this.lease.acquire();
		if (acquired.isEmpty()) {
			return 0;
		}
		SimpleLock lock = acquired.get();
		try {
			RetieringJob job = this.mongoTemplate.findOne(
					new Query(Criteria.where("status").is(RetieringJobStatus.RUNNING)), RetieringJob.class);
			if (job == null) {
				// A start that died between the marker and the job, or an end between the job and the marker.
				this.mongoTemplate.remove(new Query(), RUNNING);
				lock.unlock();
				return 0;
			}
			if (job.resumedCount() >= this.properties.maxResumes()) {
				log.warn("Re-tiering job {} gives up after {} resumes", job.id(), job.resumedCount());
				finish(job, job.runner(), RetieringJobStatus.FAILED);
				lock.unlock();
				return 1;
			}
			String token = newToken();
			RetieringJob resumed = this.mongoTemplate.findAndModify(owned(job.id(), job.runner()),
					new Update().set("runner", token).inc("resumedCount", 1).set("updatedAt", this.clock.instant()),
					FindAndModifyOptions.options().returnNew(true), RetieringJob.class);
			if (resumed == null) {
				lock.unlock();
				return 0;
			}
			log.warn("Re-tiering job {} resumes after {} (resume {})", job.id(), job.lastClientId(),
					resumed.resumedCount());
			this.runner.execute(() -> {
				try {
					runChunks(resumed, lock, token);
				}
				catch (RuntimeException ex) {
					// Logged; the next sweep resumes it again.
				}
			});
			return 1;
		}
		catch (RuntimeException ex) {
			unlockQuietly(lock);
			throw ex;
		}
	}

	@PreDestroy
	void stopRunner() throws InterruptedException {
		// The running chunk finishes; the job pauses at its checkpoint and releases the lease for another instance.
		this.runner.shutdownNow();
		this.runner.awaitTermination(30, TimeUnit.SECONDS);
	}

}
