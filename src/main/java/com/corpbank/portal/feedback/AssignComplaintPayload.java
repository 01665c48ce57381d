package com.corpbank.portal.feedback;

import java.util.List;

import com.corpbank.portal.write.UserError;
import org.jspecify.annotations.Nullable;

/** {@code AssignComplaintPayload}: the complaint after the step, or why nothing changed. */
public record AssignComplaintPayload(@Nullable Complaint complaint, List<UserError> errors) {

	static AssignComplaintPayload of(Complaint complaint) {
		return new AssignComplaintPayload(complaint, List.of());
	}

	static AssignComplaintPayload failed(List<UserError> errors) {
		return new AssignComplaintPayload(null, errors);
	}

}
