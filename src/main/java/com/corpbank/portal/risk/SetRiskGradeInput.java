package com.corpbank.portal.risk;

import org.jspecify.annotations.Nullable;

/** {@code SetRiskGradeInput}: every field is checked by {@link RiskGrading#set}. */
public record SetRiskGradeInput(@Nullable String clientId, @Nullable CreditRating rating,
		@Nullable FiveCategory fiveCategory, @Nullable Integer overdueDays, @Nullable String reason,
		@Nullable Integer expectedVersion) {
}
