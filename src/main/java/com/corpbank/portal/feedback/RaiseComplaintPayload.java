package com.corpbank.portal.feedback;

import java.util.List;

import com.corpbank.portal.write.UserError;
import org.jspecify.annotations.Nullable;

/** {@code RaiseComplaintPayload}: the complaint after the step, or why nothing changed. */
public record RaiseComplaintPayload(@Nullable Complaint complaint, List<UserError> errors) {

	static RaiseComplaintPayload of(Complaint complaint) {
		return new RaiseComplaintPayload(complaint, List.of());
	}

	static RaiseComplaintPayload failed(List<UserError> errors) {
		return new RaiseComplaintPayload(null, errors);
	}

}
