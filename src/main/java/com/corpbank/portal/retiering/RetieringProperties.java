package com.corpbank.portal.retiering;

import java.time.Duration;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code portal.retiering.*}.
 *
 * @param chunkSize clients per chunk: one id read, one {@link RetieringWork} call, one checkpoint write
 * @param lease how long the single-runner lease lasts without being renewed; renewed before every chunk, so it
 * must exceed the longest chunk. A runner that dies holds it this long at most, then another instance resumes.
 * @param asOf the evaluation date of new jobs; unset: the Beijing date when the job starts (set it for demos and
 * tests that need a fixed date)
 * @param maxResumes resumes after which a job that still does not finish is marked FAILED rather than retried
 */
@ConfigurationProperties("portal.retiering")
public record RetieringProperties(@DefaultValue("1000") int chunkSize, @DefaultValue("PT5M") Duration lease,
		@Nullable LocalDate asOf, @DefaultValue("10") int maxResumes) {

	public RetieringProperties {
		if (chunkSize < 1) {
			throw new IllegalArgumentException("portal.retiering.chunk-size must be at least 1");
		}
	}

}
