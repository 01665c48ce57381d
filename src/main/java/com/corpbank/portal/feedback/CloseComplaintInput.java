package com.corpbank.portal.feedback;

import org.jspecify.annotations.Nullable;

/** {@code CloseComplaintInput}: checked by {@link ComplaintDesk}. */
public record CloseComplaintInput(@Nullable String complaintId, @Nullable String note, @Nullable Integer expectedVersion) {
}
