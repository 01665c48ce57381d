package com.corpbank.portal.churn;

import java.time.LocalDate;
import java.util.List;

import com.corpbank.portal.tier.ValueTierCode;
import org.jspecify.annotations.Nullable;

/**
 * What the churn signals of one client are computed from. Built by the tier evaluation from the data it already
 * reads per chunk.
 *
 * @param tier the client's tier (decides the visit cadence); null when not tiered (read as C)
 * @param months the months on record, oldest first, at most 24, ending with the last complete month before
 * {@code asOf}; months may be missing (a signal that needs a missing month is not evaluated)
 * @param overdueDays days the client's most overdue loan is past due ({@code client.risk.overdueDays}); null when
 * not recorded
 * @param asOf the evaluation date
 * @param lastInteractionOn the Beijing date of the client's latest recorded interaction up to {@code asOf}; null when
 * none (NO_RECENT_CONTACT reads the later of it and the months' {@code lastContactOn})
 * @param portalOpenComplaints the client's complaints open in the portal (OPEN or IN_PROGRESS, raised by the end of
 * {@code asOf}); null when not read
 * @param latestSatisfaction the client's newest survey answer up to {@code asOf}; null when none is on record (or not
 * read)
 */
public record ChurnInputs(String clientId, @Nullable ValueTierCode tier, List<MonthFigures> months,
		@Nullable Integer overdueDays, LocalDate asOf, @Nullable LocalDate lastInteractionOn,
		@Nullable Integer portalOpenComplaints, @Nullable SatisfactionReading latestSatisfaction) {

	public ChurnInputs {
		months = List.copyOf(months);
	}

	/** Inputs from the monthly feed alone: no recorded interactions, complaints or surveys. */
	public ChurnInputs(String clientId, @Nullable ValueTierCode tier, List<MonthFigures> months,
			@Nullable Integer overdueDays, LocalDate asOf) {
		this(clientId, tier, months, overdueDays, asOf, null, null, null);
	}

	/**
	 * A survey answer as the LOW_SATISFACTION signal reads it.
	 *
	 * @param nps true for an NPS answer (0-10), false for a five-point one (1-5)
	 */
	public record SatisfactionReading(LocalDate respondedOn, boolean nps, int score) {
	}

}
