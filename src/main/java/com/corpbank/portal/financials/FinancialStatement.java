package com.corpbank.portal.financials;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One reporting period of a client's financial statements 财务报表. Amounts are in {@code currency} (yuan, two
 * decimals), stored as Decimal128.
 *
 * @param period the period's label: "2025" for a fiscal year, "2025-Q3" for a quarter
 * @param periodEnd the last day of the period; the latest statement is the one with the greatest periodEnd
 */
@Document("financial_statements")
public record FinancialStatement(
		@Id String id,
		String clientId,
		String period,
		LocalDate periodEnd,
		String currency,
		BigDecimal revenue,
		BigDecimal netProfit,
		BigDecimal totalAssets,
		BigDecimal totalLiabilities,
		BigDecimal currentAssets,
		BigDecimal currentLiabilities,
		BigDecimal operatingCashFlow,
		BigDecimal taxPaid,
		int employees) {

	/** 资产负债率 = total liabilities / total assets, four decimals; none when assets are zero. */
	public @Nullable BigDecimal debtRatio() {
		if (this.totalAssets.signum() == 0) {
			return null;
		}
		return this.totalLiabilities.divide(this.totalAssets, 4, RoundingMode.HALF_UP);
	}

}
