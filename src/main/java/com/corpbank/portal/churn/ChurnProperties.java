package com.corpbank.portal.churn;

import java.math.BigDecimal;
import java.time.Period;
import java.util.EnumSet;
import java.util.Map;

import com.corpbank.portal.tier.ValueTierCode;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The churn signals' thresholds ({@code portal.churn}, defaults in application.yml). Checked at start-up: a
 * threshold that would make a signal meaningless (a share of 1 or more, a cadence missing for a tier) stops the
 * service instead of silently never (or always) firing.
 *
 * @param depositDropShare DEPOSITS_FALLING fires when the average falls by more than this share (0.30 = 30 %)
 * @param productDrop FEWER_PRODUCTS fires when the latest month holds at least this many products fewer
 * @param visitCadence the visit cadence per tier (A P1M, B P3M, C P6M); an untiered client uses C's
 * @param contactCadenceMultiplier NO_RECENT_CONTACT fires after this many cadences without a contact
 * @param complaintsThreshold OPEN_COMPLAINTS fires at this many open complaints or more
 * @param overdueDays OVERDUE_LOANS fires when the most overdue loan is more than this many days past due
 */
@ConfigurationProperties("portal.churn")
public record ChurnProperties(BigDecimal depositDropShare, int productDrop, Map<ValueTierCode, Period> visitCadence,
		int contactCadenceMultiplier, int complaintsThreshold, int overdueDays) {

	public ChurnProperties {
		if (depositDropShare == null || depositDropShare.signum() <= 0 || depositDropShare.compareTo(BigDecimal.ONE) >= 0) {
			throw new IllegalArgumentException("portal.churn.deposit-drop-share must be between 0 and 1 (exclusive)");
		}
		if (productDrop < 1) {
			throw new IllegalArgumentException("portal.churn.product-drop must be at least 1");
		}
		if (visitCadence == null || !visitCadence.keySet().containsAll(EnumSet.allOf(ValueTierCode.class))) {
			throw new IllegalArgumentException("portal.churn.visit-cadence needs a period for each of A, B and C");
		}
		visitCadence.forEach((tier, period) -> {
			if (period.isNegative() || period.isZero()) {
				throw new IllegalArgumentException("portal.churn.visit-cadence." + tier + " must be a positive period");
			}
		});
		if (contactCadenceMultiplier < 1) {
			throw new IllegalArgumentException("portal.churn.contact-cadence-multiplier must be at least 1");
		}
		if (complaintsThreshold < 1) {
			throw new IllegalArgumentException("portal.churn.complaints-threshold must be at least 1");
		}
		if (overdueDays < 0) {
			throw new IllegalArgumentException("portal.churn.overdue-days must not be negative");
		}
		visitCadence = Map.copyOf(visitCadence);
	}

}
