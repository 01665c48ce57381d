package com.corpbank.portal.followup;

import java.time.LocalDate;

/**
 * {@code Client.nextFollowUp}: the client's open follow-up as read, with {@code overdue} judged on today's Beijing date.
 */
public record NextFollowUp(LocalDate dueOn, String rmUsername, LocalDate scheduledFrom, boolean overdue) {
}
