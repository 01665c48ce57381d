package com.corpbank.portal.tiering;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * How recent the inputs of an evaluation were; null where the client had none.
 *
 * @param statementPeriod the latest annual statement's period, e.g. "2025"
 * @param metricsMonth the latest monthly relationship record used, e.g. "2026-10"
 * @param taxYear the latest tax year on record
 * @param ratedOn when the risk grades were set
 */
public record InputsAsOf(@Nullable String statementPeriod, @Nullable String metricsMonth, @Nullable Integer taxYear,
		@Nullable LocalDate ratedOn) {
}
