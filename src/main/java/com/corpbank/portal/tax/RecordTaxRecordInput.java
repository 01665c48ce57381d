package com.corpbank.portal.tax;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * {@code RecordTaxRecordInput}: every field is checked by {@link TaxRecording#record}. Without {@code expectedVersion}
 * (or with 0) it records a new year; for a year on file it is a correction that needs the version read and a reason.
 */
public record RecordTaxRecordInput(@Nullable String clientId, @Nullable Integer year, @Nullable BigDecimal taxPaid,
		@Nullable TaxCreditGrade creditGrade, @Nullable String reason, @Nullable Integer expectedVersion) {
}
