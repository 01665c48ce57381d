package com.corpbank.portal.churn;

import java.util.List;

import com.corpbank.portal.write.UserError;
import org.jspecify.annotations.Nullable;

/** {@code AcknowledgeChurnAlertPayload}: the alert after the move, or why nothing changed. */
public record AcknowledgeChurnAlertPayload(@Nullable ChurnAlert alert, List<UserError> errors) {

	static AcknowledgeChurnAlertPayload of(ChurnAlert alert) {
		return new AcknowledgeChurnAlertPayload(alert, List.of());
	}

	static AcknowledgeChurnAlertPayload failed(List<UserError> errors) {
		return new AcknowledgeChurnAlertPayload(null, errors);
	}

}
