package com.corpbank.portal.feedback;

import org.jspecify.annotations.Nullable;

/** {@code AssignComplaintInput}: checked by {@link ComplaintDesk}. */
public record AssignComplaintInput(@Nullable String complaintId, @Nullable String assignee, @Nullable String note,
		@Nullable Integer expectedVersion) {
}
