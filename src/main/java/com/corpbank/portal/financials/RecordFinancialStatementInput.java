package com.corpbank.portal.financials;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * {@code RecordFinancialStatementInput}: every field is checked by {@link StatementRecording#record}. Without
 * {@code expectedVersion} it records a new period; with it (and a reason) it corrects the period on file.
 */
public record RecordFinancialStatementInput(@Nullable String clientId, @Nullable String period,
		@Nullable LocalDate periodEnd, @Nullable String currency, @Nullable BigDecimal revenue,
		@Nullable BigDecimal netProfit, @Nullable BigDecimal totalAssets, @Nullable BigDecimal totalLiabilities,
		@Nullable BigDecimal currentAssets, @Nullable BigDecimal currentLiabilities,
		@Nullable BigDecimal operatingCashFlow, @Nullable BigDecimal taxPaid, @Nullable Integer employees,
		@Nullable String reason, @Nullable Integer expectedVersion) {
}
