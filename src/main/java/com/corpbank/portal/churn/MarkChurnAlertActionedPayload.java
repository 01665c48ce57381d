package com.corpbank.portal.churn;

import java.util.List;

import com.corpbank.portal.write.UserError;
import org.jspecify.annotations.Nullable;

/** {@code MarkChurnAlertActionedPayload}: the alert after the move, or why nothing changed. */
public record MarkChurnAlertActionedPayload(@Nullable ChurnAlert alert, List<UserError> errors) {

	static MarkChurnAlertActionedPayload of(ChurnAlert alert) {
		return new MarkChurnAlertActionedPayload(alert, List.of());
	}

	static MarkChurnAlertActionedPayload failed(List<UserError> errors) {
		return new MarkChurnAlertActionedPayload(null, errors);
	}

}
