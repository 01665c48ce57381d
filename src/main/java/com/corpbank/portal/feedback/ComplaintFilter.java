package com.corpbank.portal.feedback;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * {@code ComplaintFilter}: every given condition must hold.
 *
 * @param status any of these statuses
 * @param overdue true: open and past {@code slaDueAt}; false: all others
 */
public record ComplaintFilter(@Nullable List<ComplaintStatus> status, @Nullable ComplaintSeverity severity,
		@Nullable ComplaintCategory category, @Nullable String clientId, @Nullable String assignee,
		@Nullable Boolean overdue) {

	public static final ComplaintFilter NONE = new ComplaintFilter(null, null, null, null, null, null);

}
