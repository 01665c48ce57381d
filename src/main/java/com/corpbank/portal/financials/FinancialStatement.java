package com.corpbank.portal.financials;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One reporting period of a client's financial statements 财务报表, one per client and period (a unique index). Amounts
 * are in {@code currency} (two decimals), stored as Decimal128.
 *
 * <p>Ratios are derived on read, in BigDecimal, to {@value #RATIO_SCALE} decimals rounded half-up, and are null when
 * their denominator is zero or a figure they need is not on file.
 *
 * @param period the period's label: "2025" for a fiscal year, "2025Q3" for a quarter (see {@link Period})
 * @param periodEnd the last day of the period; the latest statement is the one with the greatest periodEnd
 * @param currentAssets 流动资产; null when not reported
 * @param currentLiabilities 流动负债; null when not reported
 * @param taxPaid 纳税额; null when not reported
 * @param sizeApplied {@code false} from the write that recorded or corrected an annual statement until the client's
 * size has been re-derived from it (see {@link ClientSizing}); null otherwise: the marker that lets a crash between
 * the statement write and the client write be repaired
 * @param version optimistic-locking version, 0 when recorded; null for seeded statements (read as 0)
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
		@Nullable BigDecimal currentAssets,
		@Nullable BigDecimal currentLiabilities,
		BigDecimal operatingCashFlow,
		@Nullable BigDecimal taxPaid,
		int employees,
		@Nullable Boolean sizeApplied,
		@Nullable Long version) {

	/** Decimals of every derived ratio. */
	public static final int RATIO_SCALE = 4;

	@PersistenceCreator
	public FinancialStatement {
	}

	/** A statement as seeded: no version yet (reads as 0), nothing pending. */
	public FinancialStatement(String id, String clientId, String period, LocalDate periodEnd, String currency,
			BigDecimal revenue, BigDecimal netProfit, BigDecimal totalAssets, BigDecimal totalLiabilities,
			@Nullable BigDecimal currentAssets, @Nullable BigDecimal currentLiabilities,
			BigDecimal operatingCashFlow, @Nullable BigDecimal taxPaid, int employees) {
		this(id, clientId, period, periodEnd, currency, revenue, netProfit, totalAssets, totalLiabilities,
				currentAssets, currentLiabilities, operatingCashFlow, taxPaid, employees, null, null);
	}

	/** The id of a client's statement for a period: one per client and period, so the id says which. */
	public static String idOf(String clientId, String period) {
		return clientId + "-" + period;
	}

	/** The version the next correction expects; a seeded statement counts as version 0. */
	public long currentVersion() {
		return (this.version != null) ? this.version : 0;
	}

	/** 资产负债率 = total liabilities / total assets; none when assets are zero. */
	public @Nullable BigDecimal debtRatio() {
		return ratio(this.totalLiabilities, this.totalAssets);
	}

	/** 净利率 net margin = net profit / revenue (negative for a loss); none when revenue is zero. */
	public @Nullable BigDecimal netMargin() {
		return ratio(this.netProfit, this.revenue);
	}

	/**
	 * ROA = net profit / total assets at period end (not the average of opening and closing assets: one statement
	 * has only the closing figure; a quarter's ROA is not annualised); none when assets are zero.
	 */
	public @Nullable BigDecimal returnOnAssets() {
		return ratio(this.netProfit, this.totalAssets);
	}

	/** 流动比率 = current assets / current liabilities; none when either is not reported or liabilities are zero. */
	public @Nullable BigDecimal currentRatio() {
		if (this.currentAssets == null || this.currentLiabilities == null) {
			return null;
		}
		return ratio(this.currentAssets, this.currentLiabilities);
	}

	private static @Nullable BigDecimal ratio(BigDecimal numerator, BigDecimal denominator) {
		if (denominator.signum() == 0) {
			return null;
		}
		return numerator.divide(denominator, RATIO_SCALE, RoundingMode.HALF_UP);
	}

}
