package com.corpbank.portal.followup;

import java.time.LocalDate;
import java.time.Period;

import com.corpbank.portal.churn.ChurnTestData;
import com.corpbank.portal.client.FollowUp;
import com.corpbank.portal.tier.ValueTierCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The follow-up rule on its own: cadence per tier at its boundaries (application.yml's A P1M, B P3M, C P6M, through
 * the churn feature's own properties), month ends, an earlier planned date, and the nulls that keep a second
 * evaluation or a replayed interaction from writing.
 */
class FollowUpScheduleTest {

	private final FollowUpSchedule schedule = new FollowUpSchedule(ChurnTestData.DEFAULTS);

	@Test
	void cadenceIsMonthlyForAQuarterlyForBHalfYearlyForCAndUntieredFollowsC() {
		assertThat(this.schedule.cadence(ValueTierCode.A)).isEqualTo(Period.ofMonths(1));
		assertThat(this.schedule.cadence(ValueTierCode.B)).isEqualTo(Period.ofMonths(3));
		assertThat(this.schedule.cadence(ValueTierCode.C)).isEqualTo(Period.ofMonths(6));
		assertThat(this.schedule.cadence(null)).isEqualTo(Period.ofMonths(6));
	}

	@Test
	void aIsDueExactlyOneMonthAfterTheLastContactBQuarterCHalfYear() {
		LocalDate contact = LocalDate.of(2026, 11, 18);
		assertThat(this.schedule.dueOn(contact, ValueTierCode.A, null)).isEqualTo(LocalDate.of(2026, 12, 18));
		assertThat(this.schedule.dueOn(contact, ValueTierCode.B, null)).isEqualTo(LocalDate.of(2027, 2, 18));
		assertThat(this.schedule.dueOn(contact, ValueTierCode.C, null)).isEqualTo(LocalDate.of(2027, 5, 18));
	}

	@Test
	void monthEndsClampToTheLastDayOfTheShorterMonthNeverSpillingOver() {
		assertThat(this.schedule.dueOn(LocalDate.of(2026, 1, 31), ValueTierCode.A, null))
			.isEqualTo(LocalDate.of(2026, 2, 28));
		assertThat(this.schedule.dueOn(LocalDate.of(2028, 1, 31), ValueTierCode.A, null))
			.isEqualTo(LocalDate.of(2028, 2, 29));
		assertThat(this.schedule.dueOn(LocalDate.of(2026, 11, 30), ValueTierCode.B, null))
			.isEqualTo(LocalDate.of(2027, 2, 28));
		assertThat(this.schedule.dueOn(LocalDate.of(2026, 8, 31), ValueTierCode.C, null))
			.isEqualTo(LocalDate.of(2027, 2, 28));
	}

	@Test
	void aPlannedDateIsKeptOnlyWhenEarlierThanTheCadence() {
		LocalDate contact = LocalDate.of(2026, 11, 18);
		assertThat(this.schedule.dueOn(contact, ValueTierCode.A, LocalDate.of(2026, 12, 1)))
			.isEqualTo(LocalDate.of(2026, 12, 1));
		assertThat(this.schedule.dueOn(contact, ValueTierCode.A, LocalDate.of(2026, 12, 18)))
			.isEqualTo(LocalDate.of(2026, 12, 18));
		assertThat(this.schedule.dueOn(contact, ValueTierCode.A, LocalDate.of(2027, 3, 1)))
			.isEqualTo(LocalDate.of(2026, 12, 18));
	}

	@Test
	void aFirstEvaluationSchedulesATierChangeReschedulesFromTheSameStartAndTheSameTierChangesNothing() {
		LocalDate from = LocalDate.of(2026, 10, 15);
		FollowUp first = this.schedule.onEvaluation(null, "rm_li", ValueTierCode.A, from);
		assertThat(first).isEqualTo(new FollowUp(LocalDate.of(2026, 11, 15), "rm_li", from, ValueTierCode.A, null, null));
		assertThat(this.schedule.onEvaluation(first, "rm_li", ValueTierCode.A, LocalDate.of(2026, 11, 20))).isNull();
		FollowUp toC = this.schedule.onEvaluation(first, "rm_li", ValueTierCode.C, LocalDate.of(2026, 11, 20));
		assertThat(toC).isEqualTo(new FollowUp(LocalDate.of(2027, 4, 15), "rm_li", from, ValueTierCode.C, null, null));
		assertThat(this.schedule.onEvaluation(toC, "rm_li", ValueTierCode.C, LocalDate.of(2026, 11, 20))).isNull();
	}

	@Test
	void anInteractionCompletesAndSchedulesFromItsDateButNotTwiceNorWhenOlderThanTheSchedulesStart() {
		FollowUp due = new FollowUp(LocalDate.of(2026, 11, 15), "rm_li", LocalDate.of(2026, 10, 15), ValueTierCode.A,
				null, null);
		FollowUp next = this.schedule.onInteraction(due, "rm_li", ValueTierCode.B, "IA-1", LocalDate.of(2026, 11, 19),
				null);
		assertThat(next).isEqualTo(new FollowUp(LocalDate.of(2027, 2, 19), "rm_li", LocalDate.of(2026, 11, 19),
				ValueTierCode.B, null, "IA-1"));
		assertThat(this.schedule.onInteraction(next, "rm_li", ValueTierCode.B, "IA-1", LocalDate.of(2026, 11, 19),
				null)).isNull();
		assertThat(this.schedule.onInteraction(next, "rm_li", ValueTierCode.B, "IA-0", LocalDate.of(2026, 11, 18),
				null)).isNull();
	}

	@Test
	void theInteractionThatCompletedTheFollowUpReschedulesItWhenItsDateOrPlannedDateIsCorrected() {
		FollowUp fromIa1 = new FollowUp(LocalDate.of(2026, 12, 19), "rm_zhang", LocalDate.of(2026, 11, 19),
				ValueTierCode.A, null, "IA-1");
		// Moved a day earlier with a planned date: from the corrected day, the planned date wins; the RM stays the
		// follow-up's (a handover since moved it), the tier the follow-up's.
		assertThat(this.schedule.onInteraction(fromIa1, "rm_li", ValueTierCode.A, "IA-1", LocalDate.of(2026, 11, 18),
				LocalDate.of(2026, 11, 30))).isEqualTo(new FollowUp(LocalDate.of(2026, 11, 30), "rm_zhang",
						LocalDate.of(2026, 11, 18), ValueTierCode.A, LocalDate.of(2026, 11, 30), "IA-1"));
		// The same content again changes nothing.
		assertThat(this.schedule.onInteraction(fromIa1, "rm_li", ValueTierCode.A, "IA-1", LocalDate.of(2026, 11, 19),
				null)).isNull();
	}

	@Test
	void dueTodayIsNotOverdueDueYesterdayIs() {
		FollowUp followUp = new FollowUp(LocalDate.of(2026, 11, 20), "rm_li", LocalDate.of(2026, 10, 20),
				ValueTierCode.A, null, null);
		assertThat(FollowUpSchedule.overdue(followUp, LocalDate.of(2026, 11, 20))).isFalse();
		assertThat(FollowUpSchedule.overdue(followUp, LocalDate.of(2026, 11, 21))).isTrue();
	}

}
