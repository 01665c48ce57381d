package com.corpbank.portal.feedback;

import org.jspecify.annotations.Nullable;

/** {@code ReopenComplaintInput}: checked by {@link ComplaintDesk}. */
public record ReopenComplaintInput(@Nullable String complaintId, @Nullable String reason, @Nullable Integer expectedVersion) {
}
