package com.corpbank.portal.churn;

import java.math.BigDecimal;
import java.time.Period;
import java.util.EnumSet;
import java.util.Map;

import com.corpbank.portal.tier.ValueTierCode;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

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
 * @param lowSatisfaction LOW_SATISFACTION's window and thresholds; left out: {@link LowSatisfaction#DEFAULTS}
 */
@ConfigurationProperties("portal.churn")
public record ChurnProperties(BigDecimal depositDropShare, int productDrop, Map<ValueTierCode, Period> visitCadence,
		int contactCadenceMultiplier, int complaintsThreshold, int overdueDays, LowSatisfaction lowSatisfaction) {

	/**
	 * LOW_SATISFACTION fires when the client's newest survey answer given within {@code window} before the evaluation
	 * date (that day included) scores at most the threshold of its scale.
	 *
	 * @param window how far back an answer still counts (default P6M)
	 * @param fivePointAtMost the highest five-point score (1-5) that fires (default 2)
	 * @param npsAtMost the highest NPS score (0-10) that fires (default 6: the detractors)
	 */
	public record LowSatisfaction(Period window, int fivePointAtMost, int npsAtMost) {

		public static final LowSatisfaction DEFAULTS = new LowSatisfaction(Period.ofMonths(6), 2, 6);

		public LowSatisfaction {
			if (window == null || window.isNegative() || window.isZero()) {
				throw new IllegalArgumentException("portal.churn.low-satisfaction.window must be a positive period");
			}
			if (fivePointAtMost < 1 || fivePointAtMost >= 5) {
				throw new IllegalArgumentException("portal.churn.low-satisfaction.five-point-at-most must be 1 to 4");
			}
			if (npsAtMost < 0 || npsAtMost >= 10) {
				throw new IllegalArgumentException("portal.churn.low-satisfaction.nps-at-most must be 0 to 9");
			}
		}

	}

	/** The thresholds with LOW_SATISFACTION's defaults. */
	public ChurnProperties(BigDecimal depositDropShare, int productDrop, Map<ValueTierCode, Period> visitCadence,
			int contactCadenceMultiplier, int complaintsThreshold, int overdueDays) {
		this(depositDropShare, productDrop, visitCadence, contactCadenceMultiplier, complaintsThreshold, overdueDays,
				LowSatisfaction.DEFAULTS);
	}

	@ConstructorBinding
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
		if (lowSatisfaction == null) {
			lowSatisfaction = LowSatisfaction.DEFAULTS;
		}
	}

}
