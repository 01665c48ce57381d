package com.corpbank.portal.retiering;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonValue;

/**
 * A driver command listener on one service instance that watches its re-tiering runner from the wire: it records the
 * id-chunk reads the runner sends (so a test sees where a resumed job started reading), and it can hold the runner
 * right after the store acknowledged its N-th checkpoint write (or its N-th chunk's write of the clients), until the
 * test lets it go or the instance shuts down (the shutdown's interrupt ends the hold). That hold is the deterministic seam that keeps a job "running" while a
 * test looks at the other instance, without sleeps.
 *
 * <p>What the job sends to {@value RetieringJobs#JOBS}: an {@code insert} at the start, then an {@code update} that
 * pulls the start's audit event from the outbox (the relay), one {@code update} per checkpoint ({@code $set} of
 * {@code lastClientId}), and at the end a {@code findAndModify} plus another outbox {@code update}; a resume is a
 * {@code findAndModify}. So a checkpoint is told by its {@code $set.lastClientId}, not by being an update.
 */
final class RunnerWatch implements CommandListener {

	/** The name of the job's background runner thread ({@link RetieringJobs}). */
	static final String RUNNER_THREAD = "retiering-runner";

	private final List<String> idReadsAfter = new CopyOnWriteArrayList<>();

	private final AtomicInteger seen = new AtomicInteger();

	private final CountDownLatch held = new CountDownLatch(1);

	private final CountDownLatch released = new CountDownLatch(1);

	private volatile Predicate<BsonDocument> holdAfter = command -> false;

	private volatile int holdAt = -1;

	private volatile long holdRequestId = -1;

	/** Holds the runner after the store acknowledged its {@code checkpoint}-th checkpoint write (1-based). */
	void holdAtCheckpoint(int checkpoint) {
		this.holdAfter = RunnerWatch::isCheckpoint;
		this.holdAt = checkpoint;
	}

	/**
	 * Holds the runner inside its {@code chunk}-th chunk (1-based, counting chunks that changed clients): after the
	 * store acknowledged the chunk's write of the clients, before their audit records are moved and the checkpoint.
	 */
	void holdAtChunkWrite(int chunk) {
		this.holdAfter = RunnerWatch::isChunkWrite;
		this.holdAt = chunk;
	}

	/** Waits (bounded: a guard against a hang) until the runner is held. */
	void awaitHeld() throws InterruptedException {
		if (!this.held.await(2, TimeUnit.MINUTES)) {
			throw new AssertionError("the runner never reached its hold point (" + this.holdAt + ")");
		}
	}

	void release() {
		this.released.countDown();
	}

	/**
	 * Where each walk over the client ids of the runner thread started ({@code ClientIdChunks}: one {@code find}, then
	 * {@code getMore}s), in order: the {@code $gt} bound of its {@code _id} filter, or {@code "(start)"} for a walk
	 * from the first client.
	 */
	List<String> idReadsAfter() {
		return List.copyOf(this.idReadsAfter);
	}

	@Override
	public void commandStarted(CommandStartedEvent event) {
		BsonDocument command = event.getCommand();
		if (isIdChunkRead(command) && Thread.currentThread().getName().equals(RUNNER_THREAD)) {
			BsonDocument filter = command.getDocument("filter", new BsonDocument());
			BsonValue id = filter.get("_id");
			this.idReadsAfter.add((id != null && id.isDocument() && id.asDocument().containsKey("$gt"))
					? id.asDocument().getString("$gt").getValue() : "(start)");
		}
		if (this.holdAfter.test(command) && this.seen.incrementAndGet() == this.holdAt) {
			this.holdRequestId = event.getRequestId();
		}
	}

	@Override
	public void commandSucceeded(CommandSucceededEvent event) {
		if (event.getRequestId() != this.holdRequestId) {
			return;
		}
		this.held.countDown();
		try {
			// Bounded: a test that failed before releasing must not keep the runner forever.
			this.released.await(2, TimeUnit.MINUTES);
		}
		catch (InterruptedException ex) {
			// The instance shuts down (RetieringJobs interrupts its runner): pass the interrupt on to the job loop.
			Thread.currentThread().interrupt();
		}
	}

	/** A checkpoint of the job: an update of a job document that sets its {@code lastClientId}. */
	static boolean isCheckpoint(BsonDocument command) {
		if (!targets(command, "update", RetieringJobs.JOBS)) {
			return false;
		}
		for (BsonValue statement : command.getArray("updates", new BsonArray())) {
			BsonValue update = statement.asDocument().get("u");
			if (update != null && update.isDocument() && update.asDocument().containsKey("$set")
					&& update.asDocument().getDocument("$set").containsKey("lastClientId")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A chunk's bulk write of the clients whose result changed: an update of {@code clients} that sets
	 * {@code valueTier} (the outbox relay's updates of clients only pull from the outbox).
	 */
	static boolean isChunkWrite(BsonDocument command) {
		if (!targets(command, "update", "clients")) {
			return false;
		}
		for (BsonValue statement : command.getArray("updates", new BsonArray())) {
			BsonValue update = statement.asDocument().get("u");
			if (update != null && update.isDocument() && update.asDocument().containsKey("$set")
					&& update.asDocument().getDocument("$set").containsKey("valueTier")) {
				return true;
			}
		}
		return false;
	}

	/** The start of a walk over the client ids ({@code ClientIdChunks}): ids only, in id order. */
	static boolean isIdChunkRead(BsonDocument command) {
		return targets(command, "find", "clients")
				&& new BsonDocument("_id", new BsonInt32(1)).equals(command.get("projection"))
				&& new BsonDocument("_id", new BsonInt32(1)).equals(command.get("sort"));
	}

	private static boolean targets(BsonDocument command, String name, String collection) {
		BsonValue target = command.get(name);
		return command.getFirstKey().equals(name) && target != null && target.isString()
				&& target.asString().getValue().equals(collection);
	}

}
