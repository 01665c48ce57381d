package com.corpbank.portal.followup;

import java.time.LocalDate;
import java.time.Period;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;

import com.corpbank.portal.churn.ChurnProperties;
import com.corpbank.portal.client.FollowUp;
import com.corpbank.portal.tier.ValueTierCode;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * When a client's next follow-up is due. The cadence per tier is {@code portal.churn.visit-cadence} (A P1M, B P3M,
 * C P6M), the same one the NO_RECENT_CONTACT churn signal reads: one source of truth for "how often an RM should
 * see a client of this tier". An untiered client follows C's cadence.
 *
 * <p>Dates are Beijing dates; months are added the {@link LocalDate#plus} way, so Jan 31 + 1 month is Feb 28 (29 in
 * a leap year): the due date never spills into the month after. An interaction's explicit {@code followUpOn} is
 * kept only when it is earlier than the cadence's date: an RM may plan to come back sooner, never later than the
 * tier's policy.
 *
 * <p>Every method returns the follow-up the client should have, or null when the one it has is already right: that
 * null is what keeps a second evaluation (or a replayed interaction) from writing anything.
 */
@Component
public class FollowUpSchedule {

	private final Map<ValueTierCode, Period> visitCadence;

	@Autowired
	FollowUpSchedule(ChurnProperties churn) {
		this(churn.visitCadence());
	}

	private FollowUpSchedule(Map<ValueTierCode, Period> visitCadence) {
		if (!visitCadence.keySet().containsAll(EnumSet.allOf(ValueTierCode.class))) {
			throw new IllegalArgumentException("A visit cadence needs a period for each of A, B and C");
		}
		this.visitCadence = Map.copyOf(visitCadence);
	}

	/**
	 * The schedule with a given cadence, for code that runs outside the application context (the demo seed when it
	 * is built by hand); the service's own schedule is the bean, with {@code portal.churn.visit-cadence}.
	 */
	public static FollowUpSchedule withCadence(Map<ValueTierCode, Period> visitCadence) {
		return new FollowUpSchedule(visitCadence);
	}

	/** The cadence of a tier; an untiered client uses C's. */
	public Period cadence(@Nullable ValueTierCode tier) {
		return Objects.requireNonNull(this.visitCadence.get((tier != null) ? tier : ValueTierCode.C));
	}

	/** The due date from a start date, a tier and an optional planned date (kept when earlier). */
	public LocalDate dueOn(LocalDate scheduledFrom, ValueTierCode tier, @Nullable LocalDate plannedOn) {
		LocalDate byCadence = scheduledFrom.plus(cadence(tier));
		return (plannedOn != null && plannedOn.isBefore(byCadence)) ? plannedOn : byCadence;
	}

	/**
	 * What an evaluation that gives the client {@code tier} makes of its follow-up: a first one when it has none
	 * (counting from {@code firstFrom}: the last contact on record, else onboarding, else the evaluation date), a
	 * rescheduled one when the tier changed (from the same start, with the new tier's cadence), else null.
	 */
	public @Nullable FollowUp onEvaluation(@Nullable FollowUp current, String primaryManager, ValueTierCode tier,
			LocalDate firstFrom) {
		if (current == null) {
			return new FollowUp(dueOn(firstFrom, tier, null), primaryManager, firstFrom, tier, null, null);
		}
		if (current.tier() == tier) {
			return null;
		}
		return new FollowUp(dueOn(current.scheduledFrom(), tier, current.plannedOn()), current.rmUsername(),
				current.scheduledFrom(), tier, current.plannedOn(), current.lastInteractionId());
	}

	/**
	 * What a recorded (or corrected) interaction makes of the follow-up: it completes the due one and schedules the
	 * next from its own date, with the cadence of the client's current tier. The interaction that already completed
	 * the follow-up reschedules it from its (corrected) date and planned date, keeping the follow-up's RM and tier.
	 * Null when it changes nothing: the same interaction applied again unchanged, or one that took place before the
	 * contact the schedule already counts from.
	 */
	public @Nullable FollowUp onInteraction(@Nullable FollowUp current, String primaryManager,
			@Nullable ValueTierCode currentTier, String interactionId, LocalDate occurredOn,
			@Nullable LocalDate followUpOn) {
		if (current != null && interactionId.equals(current.lastInteractionId())) {
			FollowUp corrected = new FollowUp(dueOn(occurredOn, current.tier(), followUpOn), current.rmUsername(),
					occurredOn, current.tier(), followUpOn, interactionId);
			return corrected.equals(current) ? null : corrected;
		}
		if (current != null && occurredOn.isBefore(current.scheduledFrom())) {
			return null;
		}
		ValueTierCode tier = (currentTier != null) ? currentTier : ValueTierCode.C;
		return new FollowUp(dueOn(occurredOn, tier, followUpOn), primaryManager, occurredOn, tier, followUpOn,
				interactionId);
	}

	/** Overdue: due before today (Beijing date); due today is not overdue yet. */
	public static boolean overdue(FollowUp followUp, LocalDate today) {
		return followUp.dueOn().isBefore(today);
	}

}
