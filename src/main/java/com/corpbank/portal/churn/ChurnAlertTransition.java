package com.corpbank.portal.churn;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One move of a churn alert.
 *
 * @param by username of who moved it
 * @param note what they said (required to mark it actioned or to close it)
 */
public record ChurnAlertTransition(ChurnAlertStatus from, ChurnAlertStatus to, String by, Instant at,
		@Nullable String note) {
}
