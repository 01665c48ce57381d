package com.corpbank.portal.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * {@code RecordRelationshipMetricsInput}: every field is checked by {@link MetricsRecording#record}. Without
 * {@code expectedVersion} it records a new month; with it (and a reason) it corrects the month on file.
 */
public record RecordRelationshipMetricsInput(@Nullable String clientId, @Nullable String month,
		@Nullable BigDecimal averageDeposits, @Nullable BigDecimal loanBalance, @Nullable BigDecimal settlementVolume,
		@Nullable Integer productsHeld, @Nullable BigDecimal feeIncome, @Nullable Integer transactionCount,
		@Nullable Integer openComplaints, @Nullable LocalDate lastContactOn, @Nullable String reason,
		@Nullable Integer expectedVersion) {
}
