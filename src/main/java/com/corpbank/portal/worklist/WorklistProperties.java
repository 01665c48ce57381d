package com.corpbank.portal.worklist;

import java.time.Duration;
import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The worklist's horizons ({@code portal.worklist}, defaults in application.yml). Checked at start-up: a horizon
 * that is zero or negative would silently empty a kind from every worklist.
 *
 * @param dueSoon a follow-up is on the worklist from this long before its due date (inclusive: due on today + P14D
 * is listed, a day later is not); overdue ones always are
 * @param overrideExpiry an approved tier override is on the worklist when it expires within this period (expires on
 * today + P30D is listed), and until the day it expires
 * @param churnResponse how long after it opened a churn alert is due: its place in the urgency order, and when it
 * turns overdue
 */
@ConfigurationProperties("portal.worklist")
public record WorklistProperties(@DefaultValue("P14D") Period dueSoon, @DefaultValue("P30D") Period overrideExpiry,
		@DefaultValue("P3D") Duration churnResponse) {

	public WorklistProperties {
		if (dueSoon.isNegative() || dueSoon.isZero()) {
			throw new IllegalArgumentException("portal.worklist.due-soon must be a positive period");
		}
		if (overrideExpiry.isNegative() || overrideExpiry.isZero()) {
			throw new IllegalArgumentException("portal.worklist.override-expiry must be a positive period");
		}
		if (churnResponse.isNegative() || churnResponse.isZero()) {
			throw new IllegalArgumentException("portal.worklist.churn-response must be a positive duration");
		}
	}

}
