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
 */
public record ChurnInputs(String clientId, @Nullable ValueTierCode tier, List<MonthFigures> months,
		@Nullable Integer overdueDays, LocalDate asOf, @Nullable LocalDate lastInteractionOn) {

	public ChurnInputs {
		months = List.copyOf(months);
	}

	/** Inputs without recorded interactions: the monthly feed's last contact only. */
	public ChurnInputs(String clientId, @Nullable ValueTierCode tier, List<MonthFigures> months,
			@Nullable Integer overdueDays, LocalDate asOf) {
		this(clientId, tier, months, overdueDays, asOf, null);
	}

}
