package com.corpbank.portal.churn;

import org.jspecify.annotations.Nullable;

/** {@code AcknowledgeChurnAlertInput}: checked by {@link ChurnAlertLifecycle}; the note is optional. */
public record AcknowledgeChurnAlertInput(@Nullable String alertId, @Nullable String note,
		@Nullable Integer expectedVersion) {
}
