package com.corpbank.portal.feedback;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One step of a complaint, raising included.
 *
 * @param action what was done; null for the raising (then {@code from} is null too)
 * @param from the status before; null for the raising
 * @param to the status after
 * @param by username of who did it
 * @param assignee the assignee after the step
 * @param note the resolution, the reopening's reason, or the assignment's note
 */
public record ComplaintTransition(@Nullable ComplaintAction action, @Nullable ComplaintStatus from, ComplaintStatus to,
		String by, Instant at, String assignee, @Nullable String note) {
}
