package com.corpbank.portal.tiering;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import com.corpbank.portal.client.FollowUp;
import com.corpbank.portal.client.LifecycleStage;
import com.corpbank.portal.tier.ValueTier;
import org.jspecify.annotations.Nullable;

/**
 * Everything an evaluation reads about one client, gathered for a whole chunk of clients in one query per collection.
 *
 * @param version the client document's version: the tier write expects it
 * @param annualStatements annual statements up to the evaluation date, oldest first
 * @param months monthly relationship records of the 24 months up to the last complete month, oldest first
 * @param taxRecords tax years up to the evaluation date, oldest first
 * @param primaryManager the primary RM, whom a first follow-up is due from
 * @param followUp the open follow-up 定期回访; null before the first one
 * @param lastInteractionOn the Beijing date of the latest recorded interaction up to the evaluation date; null when
 * none
 */
public record ClientData(String clientId, long version, @Nullable String industrySection,
		@Nullable LocalDate onboardedOn, @Nullable Integer employees, @Nullable Risk risk,
		@Nullable ValueTier valueTier, @Nullable LifecycleStage lifecycleStage, List<Statement> annualStatements,
		List<Month> months, List<Tax> taxRecords, @Nullable String primaryManager, @Nullable FollowUp followUp,
		@Nullable LocalDate lastInteractionOn) {

	/** The newest RM contact: the monthly feed's, or the latest recorded interaction when later; null when neither. */
	public @Nullable LocalDate lastContactOn() {
		LocalDate feed = this.months.stream()
			.map(Month::lastContactOn)
			.filter(java.util.Objects::nonNull)
			.max(LocalDate::compareTo)
			.orElse(null);
		if (this.lastInteractionOn != null && (feed == null || this.lastInteractionOn.isAfter(feed))) {
			return this.lastInteractionOn;
		}
		return feed;
	}

	/** The client's risk grades as scoring reads them. */
	public record Risk(String rating, String fiveCategory, @Nullable LocalDate ratedOn, @Nullable Integer overdueDays) {
	}

	/** An annual statement's figures the model reads. */
	public record Statement(String period, BigDecimal revenue, BigDecimal totalAssets, int employees) {
	}

	/** A month of the relationship. */
	public record Month(YearMonth month, BigDecimal averageDeposits, BigDecimal loanBalance,
			BigDecimal settlementVolume, int productsHeld, BigDecimal feeIncome, @Nullable Integer transactionCount,
			@Nullable Integer openComplaints, @Nullable LocalDate lastContactOn) {

		/** A month counts as active when it had a transaction (or, where counts are not reported, settlement). */
		public boolean active() {
			return (this.transactionCount != null) ? this.transactionCount > 0 : this.settlementVolume.signum() > 0;
		}

	}

	/** A tax year on record. */
	public record Tax(int year, BigDecimal taxPaid, String creditGrade) {
	}

}
