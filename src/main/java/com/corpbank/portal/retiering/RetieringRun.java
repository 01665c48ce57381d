package com.corpbank.portal.retiering;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One re-tiering job as the work sees it.
 *
 * @param jobId the job's id, recorded with each change it makes
 * @param modelVersion the model the job evaluates with (the active one when it started)
 * @param asOf the evaluation date: inputs are read as of it
 * @param startedAt when the job started: the time its evaluations carry
 * @param startedBy username of the ADMIN who started it
 */
public record RetieringRun(String jobId, String modelVersion, LocalDate asOf, Instant startedAt, String startedBy) {
}
