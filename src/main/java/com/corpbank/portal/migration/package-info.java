/**
 * The book over time: the tier migration matrix 分层迁移 between two dates with its drill-down, and a client's tier,
 * risk grades and primary RM as they were on a date, all read from the history collections ({@code tier_history},
 * {@code risk_history}, {@code assignment_history}) inside the store, within the caller's row scope as it is now.
 */
@NullMarked
package com.corpbank.portal.migration;

import org.jspecify.annotations.NullMarked;
