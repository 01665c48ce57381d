package com.corpbank.portal.retiering;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.corpbank.portal.audit.Actor;
import com.corpbank.portal.security.Caller;
import com.corpbank.portal.security.Role;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import org.bson.BsonDocument;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service in a process of its own that dies in the middle of a re-tiering job: it starts over the test's store
 * ({@code portal.store.mongodb-uri}, so what it wrote outlives it), finds it empty and loads the demo book and model,
 * then runs a job in chunks of the given size and halts the JVM ({@code Runtime.halt}: no shutdown hooks, no
 * finally blocks, no lease release, no further command) right after the store acknowledged the command named by the
 * {@link HaltPoint}. Run by {@link RetieringCrashResumeTests}.
 *
 * <p>Arguments: the store's MongoDB URI, the halt point, its ordinal (1-based), the chunk size, the lease.
 */
public final class CrashingRetieringService {

	/** Exit code of a process halted at its halt point. */
	static final int HALTED = 77;

	/** Exit code when the job ended without meeting the halt point (the test's premise broke). */
	static final int NOT_HALTED = 3;

	/** Where to die. */
	enum HaltPoint {

		/** After the n-th checkpoint: the update of the job document that sets its {@code lastClientId}. */
		AFTER_CHECKPOINT(RunnerWatch::isCheckpoint),

		/**
		 * After the n-th chunk's bulk write of the clients whose result changed (an update of {@code clients} that
		 * sets {@code valueTier}), before its audit records are moved out of the outbox and before its checkpoint:
		 * the chunk's changes are written but the job does not know it.
		 */
		AFTER_CHUNK_WRITE(RunnerWatch::isChunkWrite);

		final Predicate<BsonDocument> matches;

		HaltPoint(Predicate<BsonDocument> matches) {
			this.matches = matches;
		}

	}

	private CrashingRetieringService() {
	}

	public static void main(String[] args) {
		String uri = args[0];
		HaltPoint point = HaltPoint.valueOf(args[1]);
		int ordinal = Integer.parseInt(args[2]);
		int chunkSize = Integer.parseInt(args[3]);
		String lease = args[4];
		HaltingListener listener = new HaltingListener(point, ordinal);
		ConfigurableApplicationContext context = SharedStore.service(uri, chunkSize, lease, listener,
				// never contacted: no request comes over HTTP
				"--portal.security.jwk-set-uri=http://127.0.0.1:9/certs");
		Actor admin = new Actor(new Caller("admin-subject", "admin", "Admin", Set.of(Role.ADMIN), "HO"),
				"crash-test-0001");
		// On this thread rather than the background runner: the same chunks, and the halt comes from here.
		RetieringJob job = context.getBean(RetieringJobs.class)
			.runToCompletion(admin, new StartRetieringInput("crash mid-job"));
		System.err.println("Job " + job.id() + " ended " + job.status() + " without meeting " + point + " " + ordinal);
		System.exit(NOT_HALTED);
	}

	/** Halts the JVM right after the store acknowledges the {@code ordinal}-th command the halt point matches. */
	static final class HaltingListener implements CommandListener {

		private final HaltPoint point;

		private final int ordinal;

		private final AtomicInteger seen = new AtomicInteger();

		private volatile long requestId = -1;

		HaltingListener(HaltPoint point, int ordinal) {
			this.point = point;
			this.ordinal = ordinal;
		}

		@Override
		public void commandStarted(CommandStartedEvent event) {
			if (this.point.matches.test(event.getCommand()) && this.seen.incrementAndGet() == this.ordinal) {
				this.requestId = event.getRequestId();
			}
		}

		@Override
		public void commandSucceeded(CommandSucceededEvent event) {
			if (event.getRequestId() == this.requestId) {
				System.err.println("Halting after " + this.point + " " + this.ordinal);
				Runtime.getRuntime().halt(HALTED);
			}
		}

	}

}
