package com.corpbank.portal.feedback;

import org.jspecify.annotations.Nullable;

/** {@code RaiseComplaintInput}: checked by {@link ComplaintDesk}. */
public record RaiseComplaintInput(@Nullable String clientId, @Nullable ComplaintCategory category,
		@Nullable ComplaintSeverity severity, @Nullable String summary, @Nullable String assignee) {
}
