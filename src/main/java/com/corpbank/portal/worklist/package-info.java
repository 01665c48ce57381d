/**
 * Worklists 工作清单: what an RM must act on for their clients (follow-ups falling due, open churn alerts, open
 * complaints, tier overrides about to expire), in one urgency order, paged; the same over a team, and counts over a
 * branch. Each kind of item is one {@link com.corpbank.portal.worklist.WorklistSource}: one indexed, scoped query per
 * kind, merged in Java; nothing loads every client.
 */
@NullMarked
package com.corpbank.portal.worklist;

import org.jspecify.annotations.NullMarked;
