package com.corpbank.portal.churn;

import java.util.List;

import com.corpbank.portal.write.UserError;
import org.jspecify.annotations.Nullable;

/** {@code CloseChurnAlertPayload}: the alert after the move, or why nothing changed. */
public record CloseChurnAlertPayload(@Nullable ChurnAlert alert, List<UserError> errors) {

	static CloseChurnAlertPayload of(ChurnAlert alert) {
		return new CloseChurnAlertPayload(alert, List.of());
	}

	static CloseChurnAlertPayload failed(List<UserError> errors) {
		return new CloseChurnAlertPayload(null, errors);
	}

}
