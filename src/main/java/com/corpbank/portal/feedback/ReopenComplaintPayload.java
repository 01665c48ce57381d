package com.corpbank.portal.feedback;

import java.util.List;

import com.corpbank.portal.write.UserError;
import org.jspecify.annotations.Nullable;

/** {@code ReopenComplaintPayload}: the complaint after the step, or why nothing changed. */
public record ReopenComplaintPayload(@Nullable Complaint complaint, List<UserError> errors) {

	static ReopenComplaintPayload of(Complaint complaint) {
		return new ReopenComplaintPayload(complaint, List.of());
	}

	static ReopenComplaintPayload failed(List<UserError> errors) {
		return new ReopenComplaintPayload(null, errors);
	}

}
