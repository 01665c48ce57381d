package com.corpbank.portal.churn;

import org.jspecify.annotations.Nullable;

/** {@code MarkChurnAlertActionedInput}: checked by {@link ChurnAlertLifecycle}; the note (what was done) is required. */
public record MarkChurnAlertActionedInput(@Nullable String alertId, @Nullable String note,
		@Nullable Integer expectedVersion) {
}
