package com.corpbank.portal.churn;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * {@code ChurnAlertFilter}: every given condition must hold.
 *
 * @param status any of these statuses
 * @param signal alerts whose current signals include this one
 * @param openedFrom opened on or after this Beijing date
 * @param openedTo opened on or before this Beijing date
 */
public record ChurnAlertFilter(@Nullable List<ChurnAlertStatus> status, @Nullable ChurnSignal signal,
		@Nullable String clientId, @Nullable LocalDate openedFrom, @Nullable LocalDate openedTo) {

	public static final ChurnAlertFilter NONE = new ChurnAlertFilter(null, null, null, null, null);

}
