package com.corpbank.portal.metrics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One month of the bank's relationship with a client 客户贡献: one document per client and month (a unique index).
 * Amounts are CNY yuan with two decimals, stored as Decimal128.
 *
 * @param month the calendar month, e.g. "2026-10"
 * @param monthStart the month's first instant in Beijing time: what the newest-first history pages by
 * @param averageDeposits 日均存款 average daily deposit balance over the month
 * @param loanBalance 贷款余额 loan balance at month end
 * @param settlementVolume 结算量 settlement volume over the month
 * @param productsHeld 持有产品数 products held at month end
 * @param feeIncome 中间业务收入 fee income booked in the month
 * @param transactionCount 交易笔数 transactions in the month; null when not reported
 * @param openComplaints complaints open at month end; null when not reported
 * @param lastContactOn the latest recorded RM contact as of month end (CRM feed); null when not reported
 * @param recordedAt when this version of the figures was recorded
 * @param recordedBy username of who recorded this version
 * @param version optimistic-locking version, 0 when first recorded
 */
@Document("relationship_metrics")
public record RelationshipMetrics(@Id String id, String clientId, String month, Instant monthStart,
		BigDecimal averageDeposits, BigDecimal loanBalance, BigDecimal settlementVolume, int productsHeld,
		BigDecimal feeIncome, @Nullable Integer transactionCount, @Nullable Integer openComplaints,
		@Nullable LocalDate lastContactOn, Instant recordedAt, String recordedBy, @Nullable Long version) {

	/** One document per client and month, so the id says which. */
	public static String idOf(String clientId, String month) {
		return clientId + "-" + month;
	}

	public long currentVersion() {
		return (this.version != null) ? this.version : 0;
	}

}
