/**
 * Follow-up plans 定期回访 by tier cadence: the schedule rule and the {@code Client.nextFollowUp} field. The follow-up
 * itself lives on the client document ({@code client.FollowUp}); evaluation, handover and interactions move it in
 * their own client writes.
 */
@NullMarked
package com.corpbank.portal.followup;

import org.jspecify.annotations.NullMarked;
