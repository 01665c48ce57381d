package com.corpbank.portal.feedback;

import org.jspecify.annotations.Nullable;

/** {@code StartComplaintInput}: checked by {@link ComplaintDesk}. */
public record StartComplaintInput(@Nullable String complaintId, @Nullable String note, @Nullable Integer expectedVersion) {
}
