package com.corpbank.portal.retiering;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One batch re-tiering job over the whole book, and its checkpoint: the chunks run in client id order, and after each
 * one the job document advances {@code lastClientId} and the counts in one write, so a resumed job continues after
 * the last finished chunk.
 *
 * @param total clients in the book when the job started
 * @param failedClientIds the first {@value RetieringJobs#FAILED_IDS_KEPT} clients that could not be evaluated
 * @param lastClientId the checkpoint: the last id of the last finished chunk; null before the first
 * @param runner the token of the runner that owns the job now; every checkpoint write matches it, so a runner that
 * lost its lease to another (it stalled past the lease) cannot write over the new runner's progress
 * @param version optimistic-locking version of the document (moved by the audited start and end only)
 */
@Document("retiering_jobs")
public record RetieringJob(@Id String id, RetieringJobStatus status, String modelVersion, LocalDate asOf, long total,
		long processed, long changed, long failed, List<String> failedClientIds, Instant startedAt, String startedBy,
		@Nullable String reason, @Nullable Instant endedAt, @Nullable String lastClientId, int resumedCount,
		Instant updatedAt, @Nullable String runner, @Nullable Long version) {

	public RetieringJob {
		failedClientIds = List.copyOf(failedClientIds);
	}

	/** Share of the book processed, 0 to 1; 1 for a completed job (the book may have grown while it ran). */
	public double progress() {
		if (this.status == RetieringJobStatus.COMPLETED || this.total == 0) {
			return (this.status == RetieringJobStatus.COMPLETED) ? 1 : 0;
		}
		return Math.min(1, (double) this.processed / this.total);
	}

	RetieringRun run() {
		return new RetieringRun(this.id, this.modelVersion, this.asOf, this.startedAt, this.startedBy);
	}

}
