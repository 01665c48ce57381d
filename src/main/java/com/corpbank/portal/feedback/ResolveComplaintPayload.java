package com.corpbank.portal.feedback;

import java.util.List;

import com.corpbank.portal.write.UserError;
import org.jspecify.annotations.Nullable;

/** {@code ResolveComplaintPayload}: the complaint after the step, or why nothing changed. */
public record ResolveComplaintPayload(@Nullable Complaint complaint, List<UserError> errors) {

	static ResolveComplaintPayload of(Complaint complaint) {
		return new ResolveComplaintPayload(complaint, List.of());
	}

	static ResolveComplaintPayload failed(List<UserError> errors) {
		return new ResolveComplaintPayload(null, errors);
	}

}
