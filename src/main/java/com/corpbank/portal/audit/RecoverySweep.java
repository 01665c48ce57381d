package com.corpbank.portal.audit;

/**
 * Finishes writes that a crash or a store hiccup interrupted, idempotently: the audit outbox, a derived field that a
 * second document write keeps in step, a job's next chunk. {@link RecoverySweeps} runs every one at start-up, before
 * the web server listens, and then on the schedule {@code portal.audit.sweep-interval}.
 */
public interface RecoverySweep {

	/** Finishes whatever is pending; returns how many items it finished (0 when nothing was pending). */
	int sweep();

	/** What a finished item is, for the log, e.g. "audit records". */
	String finishes();

}
