package com.corpbank.portal.migration;

import java.time.LocalDate;

import com.corpbank.portal.risk.CreditRating;
import com.corpbank.portal.risk.FiveCategory;
import com.corpbank.portal.tier.ValueTierCode;
import org.jspecify.annotations.Nullable;

/**
 * A client as it was on a Beijing date (at the end of that day), from its histories. Each value is null when the
 * history cannot tell (see {@link PointInTime} for when).
 *
 * @param primaryManager username of the primary RM then
 */
public record ClientAsOf(LocalDate date, @Nullable ValueTierCode tier, @Nullable CreditRating rating,
		@Nullable FiveCategory fiveCategory, @Nullable String primaryManager) {
}
