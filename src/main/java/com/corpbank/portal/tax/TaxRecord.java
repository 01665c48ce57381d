package com.corpbank.portal.tax;

import java.math.BigDecimal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One tax year of a client 纳税记录: one document per client and year (the id says which, and a unique index
 * guards it).
 *
 * @param year the tax year, e.g. 2025
 * @param taxPaid 纳税额 tax paid in the year, CNY yuan with two decimals, not negative
 * @param creditGrade 纳税信用等级 the grade for the year
 * @param recordedAt when this version was recorded
 * @param recordedBy username (or feed) that recorded this version
 * @param version optimistic-locking version; null on seeded records, which read as 0
 */
@Document("tax_records")
public record TaxRecord(@Id String id, String clientId, int year, BigDecimal taxPaid, TaxCreditGrade creditGrade,
		Instant recordedAt, String recordedBy, @Nullable Long version) {

	/** One document per client and year, so the id says which. */
	public static String idOf(String clientId, int year) {
		return clientId + "-" + year;
	}

	public long currentVersion() {
		return (this.version != null) ? this.version : 0;
	}

}
