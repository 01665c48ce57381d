package com.corpbank.portal.feedback;

import java.util.List;

import com.corpbank.portal.write.UserError;
import org.jspecify.annotations.Nullable;

/** {@code CloseComplaintPayload}: the complaint after the step, or why nothing changed. */
public record CloseComplaintPayload(@Nullable Complaint complaint, List<UserError> errors) {

	static CloseComplaintPayload of(Complaint complaint) {
		return new CloseComplaintPayload(complaint, List.of());
	}

	static CloseComplaintPayload failed(List<UserError> errors) {
		return new CloseComplaintPayload(null, errors);
	}

}
