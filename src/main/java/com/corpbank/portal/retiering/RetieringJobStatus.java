package com.corpbank.portal.retiering;

/** Where a re-tiering job is; a job whose runner died stays RUNNING until another runner resumes it. */
public enum RetieringJobStatus {
	/** Chunks are being processed, or wait for a runner to resume them. */
	RUNNING,
	/** Every client was processed (some may have failed: see {@code failed}). */
	COMPLETED,
	/** Given up: the job was resumed too many times without finishing. */
	FAILED
}
