package com.corpbank.portal.client;

import java.time.LocalDate;

import com.corpbank.portal.tier.ValueTierCode;
import org.jspecify.annotations.Nullable;

/**
 * The client's open follow-up 定期回访, kept on the client document so that the write that moves the primary RM or
 * the tier moves it too, in the same single-document write. The schedule rule is {@code followup.FollowUpSchedule}.
 *
 * @param dueOn the Beijing date the next contact is due: {@code scheduledFrom} + the tier's cadence, or
 * {@code plannedOn} when that is earlier
 * @param rmUsername the RM it is due from: the client's primary RM
 * @param scheduledFrom the Beijing date the schedule counts from: the last completed contact, else the first schedule
 * @param tier the tier whose cadence set {@code dueOn} (an untiered client follows C's)
 * @param plannedOn the follow-up date the last interaction asked for (its {@code followUpOn}); null when none
 * @param lastInteractionId the interaction that completed the previous follow-up; null when none did
 */
public record FollowUp(LocalDate dueOn, String rmUsername, LocalDate scheduledFrom, ValueTierCode tier,
		@Nullable LocalDate plannedOn, @Nullable String lastInteractionId) {
}
