package com.corpbank.portal.feedback;

import java.util.List;

import com.corpbank.portal.write.UserError;
import org.jspecify.annotations.Nullable;

/** {@code StartComplaintPayload}: the complaint after the step, or why nothing changed. */
public record StartComplaintPayload(@Nullable Complaint complaint, List<UserError> errors) {

	static StartComplaintPayload of(Complaint complaint) {
		return new StartComplaintPayload(complaint, List.of());
	}

	static StartComplaintPayload failed(List<UserError> errors) {
		return new StartComplaintPayload(null, errors);
	}

}
