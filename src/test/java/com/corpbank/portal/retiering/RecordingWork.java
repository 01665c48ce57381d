package com.corpbank.portal.retiering;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The test stand-in for the lead's {@link RetieringWork}: records every chunk it gets, counts a chunk's clients as
 * processed (none changed), and on demand fails named clients, holds a chunk until released, or "dies" before a given
 * chunk by throwing {@link RunnerDeath}, an Error that the runner lets pass without touching the job or the lease, as
 * a crash would.
 */
class RecordingWork implements RetieringWork {

	/** What a killed runner throws: like a crash, it leaves the job and the lease as they were. */
	static final class RunnerDeath extends Error {

		RunnerDeath() {
			super("runner died (test)");
		}

	}

	final List<List<String>> chunks = new CopyOnWriteArrayList<>();

	private volatile Set<String> failing = Set.of();

	private volatile int dieBeforeChunk = -1;

	private volatile CountDownLatch hold = new CountDownLatch(0);

	private volatile CountDownLatch holding = new CountDownLatch(0);

	@Override
	public ChunkOutcome process(RetieringRun run, List<String> clientIds) {
		if (this.dieBeforeChunk == this.chunks.size() + 1) {
			this.dieBeforeChunk = -1;
			throw new RunnerDeath();
		}
		this.holding.countDown();
		try {
			// A guard against a hung test, not a timing assertion.
			this.hold.await(2, TimeUnit.MINUTES);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.chunks.add(List.copyOf(clientIds));
		List<String> failed = new ArrayList<>(clientIds.stream().filter(this.failing::contains).toList());
		return new ChunkOutcome(clientIds.size(), 0, failed);
	}

	void reset() {
		this.chunks.clear();
		this.failing = Set.of();
		this.dieBeforeChunk = -1;
		this.hold = new CountDownLatch(0);
		this.holding = new CountDownLatch(0);
	}

	void failing(Set<String> clientIds) {
		this.failing = Set.copyOf(clientIds);
	}

	/** The runner dies when it is about to process this chunk (1-based, counting chunks recorded so far). */
	void dieBeforeChunk(int chunk) {
		this.dieBeforeChunk = chunk;
	}

	/** Chunks wait until {@link #release()}; {@link #awaitHolding()} returns once one waits. */
	void holdChunks() {
		this.hold = new CountDownLatch(1);
		this.holding = new CountDownLatch(1);
	}

	void awaitHolding() throws InterruptedException {
		this.holding.await(2, TimeUnit.MINUTES);
	}

	void release() {
		this.hold.countDown();
	}

	List<String> processedIds() {
		return this.chunks.stream().flatMap(List::stream).toList();
	}

}
