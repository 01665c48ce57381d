package com.corpbank.portal.churn;

import org.jspecify.annotations.Nullable;

/** {@code CloseChurnAlertInput}: checked by {@link ChurnAlertLifecycle}; the note (why it is closed) is required. */
public record CloseChurnAlertInput(@Nullable String alertId, @Nullable String note,
		@Nullable Integer expectedVersion) {
}
