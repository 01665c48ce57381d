package com.corpbank.portal.feedback;

import org.jspecify.annotations.Nullable;

/** {@code ResolveComplaintInput}: checked by {@link ComplaintDesk}. */
public record ResolveComplaintInput(@Nullable String complaintId, @Nullable String resolution,
		@Nullable Integer expectedVersion) {
}
