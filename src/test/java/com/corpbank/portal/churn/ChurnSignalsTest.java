package com.corpbank.portal.churn;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.corpbank.portal.tier.ValueTierCode;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static com.corpbank.portal.churn.ChurnTestData.AS_OF;
import static com.corpbank.portal.churn.ChurnTestData.DEFAULTS;
import static com.corpbank.portal.churn.ChurnTestData.LAST;
import static com.corpbank.portal.churn.ChurnTestData.month;
import static com.corpbank.portal.churn.ChurnTestData.months;
import static com.corpbank.portal.churn.ChurnTestData.quiet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Each churn signal at its threshold, just past it and just short of it, and with its input missing. */
class ChurnSignalsTest {

	private final ChurnSignals signals = new ChurnSignals(DEFAULTS);

	private static ChurnInputs inputs(List<MonthFigures> months) {
		return new ChurnInputs("C-1", ValueTierCode.B, months, null, AS_OF);
	}

	private static List<MonthFigures> deposits(String... figures) {
		return months(List.of(figures), List.of(5, 5, 5, 5, 5, 5).subList(0, figures.length), null, null);
	}

	@Nested
	class DepositsFalling {

		@Test
		void aFallOfExactlyTheShareDoesNotFire() {
			assertThat(signals.depositsFalling(inputs(deposits("1000000.00", "1000000.00", "1000000.00", "700000.00",
					"700000.00", "700000.00")))).isEmpty();
		}

		@Test
		void aFallOneFenPastTheShareFiresWithItsValueAndThreshold() {
			assertThat(signals.depositsFalling(inputs(deposits("1000000.00", "1000000.00", "1000000.00", "700000.00",
					"700000.00", "699999.99")))).hasValueSatisfying(fired -> {
						assertThat(fired.code()).isEqualTo(ChurnSignal.DEPOSITS_FALLING);
						assertThat(fired.value()).isEqualTo("0.3000");
						assertThat(fired.threshold()).isEqualTo("0.30");
						assertThat(fired.detail()).contains("2026-08..2026-10", "2026-05..2026-07", "1000000.00");
					});
		}

		@Test
		void theValueIsTheDropAsAShareWithFourDecimals() {
			assertThat(signals.depositsFalling(inputs(deposits("1200000.00", "1200000.00", "1200000.00", "694440.00",
					"694440.00", "694440.00")))).hasValueSatisfying(fired -> assertThat(fired.value()).isEqualTo("0.4213"));
		}

		@Test
		void aSmallerFallOrARiseDoesNotFire() {
			assertThat(signals.depositsFalling(inputs(deposits("1000000.00", "1000000.00", "1000000.00", "700000.01",
					"700000.00", "700000.00")))).isEmpty();
			assertThat(signals.depositsFalling(inputs(deposits("500000.00", "500000.00", "500000.00", "900000.00",
					"900000.00", "900000.00")))).isEmpty();
		}

		@Test
		void fewerThanSixMonthsOnRecordAreNotEvaluated() {
			assertThat(signals.depositsFalling(
					inputs(deposits("1000000.00", "1000000.00", "10.00", "10.00", "10.00")))).isEmpty();
		}

		@Test
		void aMissingMonthInTheWindowIsNotEvaluated() {
			// Seven months on record, but 2026-06 is not one of them.
			List<MonthFigures> months = new ArrayList<>(deposits("1000000.00", "1000000.00", "1000000.00", "10.00",
					"10.00", "10.00"));
			months.remove(1);
			months.add(0, month(LAST.minusMonths(6), "1000000.00", 5));
			assertThat(signals.depositsFalling(inputs(months))).isEmpty();
		}

		@Test
		void noDepositsBeforeIsNothingToFallFrom() {
			assertThat(signals.depositsFalling(
					inputs(deposits("0.00", "0.00", "0.00", "0.00", "0.00", "0.00")))).isEmpty();
		}

		@Test
		void theShareIsConfigured() {
			ChurnSignals stricter = new ChurnSignals(new ChurnProperties(new BigDecimal("0.1"), 1,
					DEFAULTS.visitCadence(), 2, 1, 0));
			assertThat(stricter.depositsFalling(inputs(deposits("1000000.00", "1000000.00", "1000000.00", "850000.00",
					"850000.00", "850000.00")))).hasValueSatisfying(fired -> {
						assertThat(fired.value()).isEqualTo("0.1500");
						assertThat(fired.threshold()).isEqualTo("0.10");
					});
		}

	}

	@Nested
	class FewerProducts {

		private ChurnInputs products(Integer... held) {
			List<String> deposits = List.of("1.00", "1.00", "1.00", "1.00", "1.00", "1.00").subList(0, held.length);
			return inputs(months(deposits, List.of(held), null, null));
		}

		@Test
		void oneFewerThanTheMostOfTheThreeMonthsBeforeFiresAtTheDefaultDropOfOne() {
			assertThat(signals.fewerProducts(products(3, 5, 4, 4))).hasValueSatisfying(fired -> {
				assertThat(fired.value()).isEqualTo("1");
				assertThat(fired.threshold()).isEqualTo("1");
				assertThat(fired.detail()).contains("2026-10", "2026-07..2026-09");
			});
		}

		@Test
		void asManyOrMoreProductsDoNotFire() {
			assertThat(signals.fewerProducts(products(5, 5, 5, 5))).isEmpty();
			assertThat(signals.fewerProducts(products(3, 4, 4, 6))).isEmpty();
		}

		@Test
		void aMonthBeforeTheWindowDoesNotCount() {
			// 9 products five months ago is outside "the 3 months before".
			assertThat(signals.fewerProducts(products(9, 4, 4, 4, 4))).isEmpty();
		}

		@Test
		void aDropShortOfTheConfiguredDropDoesNotFireAndOneAtItDoes() {
			ChurnSignals byTwo = new ChurnSignals(new ChurnProperties(new BigDecimal("0.30"), 2,
					DEFAULTS.visitCadence(), 2, 1, 0));
			assertThat(byTwo.fewerProducts(products(5, 5, 5, 4))).isEmpty();
			assertThat(byTwo.fewerProducts(products(5, 5, 5, 3))).hasValueSatisfying(
					fired -> assertThat(fired.value()).isEqualTo("2"));
		}

		@Test
		void withoutTheThreeMonthsBeforeItIsNotEvaluated() {
			assertThat(signals.fewerProducts(products(9, 9, 1))).isEmpty();
		}

	}

	@Nested
	class NoRecentContact {

		private ChurnInputs contact(ValueTierCode tier, LocalDate lastContact) {
			return new ChurnInputs("C-1", tier, months(List.of("1.00", "1.00"), List.of(1, 1), lastContact, null),
					null, AS_OF);
		}

		@Test
		void exactlyTwiceTheCadenceDoesNotFireAndADayMoreDoes() {
			// Tier A: monthly visits, so two months without contact.
			assertThat(signals.noRecentContact(contact(ValueTierCode.A, LocalDate.of(2026, 9, 20)))).isEmpty();
			assertThat(signals.noRecentContact(contact(ValueTierCode.A, LocalDate.of(2026, 9, 19))))
				.hasValueSatisfying(fired -> {
					assertThat(fired.value()).isEqualTo("2026-09-19");
					assertThat(fired.threshold()).isEqualTo("P2M");
					assertThat(fired.detail()).contains("2026-09-19", "tier A");
				});
		}

		@Test
		void theCadenceFollowsTheTier() {
			LocalDate fiveMonthsAgo = AS_OF.minusMonths(5);
			assertThat(signals.noRecentContact(contact(ValueTierCode.A, fiveMonthsAgo))).isPresent();
			assertThat(signals.noRecentContact(contact(ValueTierCode.B, fiveMonthsAgo))).isEmpty();
			assertThat(signals.noRecentContact(contact(ValueTierCode.B, AS_OF.minusMonths(6).minusDays(1))))
				.hasValueSatisfying(fired -> assertThat(fired.threshold()).isEqualTo("P6M"));
		}

		@Test
		void anUntieredClientHasTierCsCadence() {
			ChurnInputs untiered = new ChurnInputs("C-1", null,
					months(List.of("1.00"), List.of(1), AS_OF.minusMonths(12), null), null, AS_OF);
			assertThat(signals.noRecentContact(untiered)).isEmpty();
			ChurnInputs older = new ChurnInputs("C-1", null,
					months(List.of("1.00"), List.of(1), AS_OF.minusMonths(12).minusDays(1), null), null, AS_OF);
			assertThat(signals.noRecentContact(older))
				.hasValueSatisfying(fired -> assertThat(fired.threshold()).isEqualTo("P12M"));
		}

		@Test
		void theNewestContactOfAnyMonthCounts() {
			List<MonthFigures> months = List.of(
					new MonthFigures(LAST.minusMonths(2), BigDecimal.ONE, 1, null, null, AS_OF.minusDays(10)),
					new MonthFigures(LAST.minusMonths(1), BigDecimal.ONE, 1, null, null, null),
					new MonthFigures(LAST, BigDecimal.ONE, 1, null, null, LocalDate.of(2025, 1, 1)));
			assertThat(signals.noRecentContact(new ChurnInputs("C-1", ValueTierCode.A, months, null, AS_OF))).isEmpty();
		}

		@Test
		void aLaterRecordedInteractionCountsAndAnEarlierOneDoesNot() {
			List<MonthFigures> stale = months(List.of("1.00", "1.00"), List.of(1, 1), LocalDate.of(2026, 9, 19), null);
			// The feed's contact is over two months old for tier A; an interaction since silences the signal.
			assertThat(signals.noRecentContact(
					new ChurnInputs("C-1", ValueTierCode.A, stale, null, AS_OF, LocalDate.of(2026, 9, 20), null, null))).isEmpty();
			assertThat(signals.noRecentContact(
					new ChurnInputs("C-1", ValueTierCode.A, stale, null, AS_OF, LocalDate.of(2026, 8, 1), null, null)))
				.hasValueSatisfying(fired -> assertThat(fired.value()).isEqualTo("2026-09-19"));
			// No contact in the feed at all: the interaction is the last contact.
			assertThat(signals.noRecentContact(new ChurnInputs("C-1", ValueTierCode.A, deposits("1.00", "1.00"), null,
					AS_OF, LocalDate.of(2026, 9, 1), null, null)))
				.hasValueSatisfying(fired -> assertThat(fired.value()).isEqualTo("2026-09-01"));
		}

		@Test
		void noContactEverOnRecordFiresWithNoValue() {
			assertThat(signals.noRecentContact(inputs(deposits("1.00", "1.00")))).hasValueSatisfying(fired -> {
				assertThat(fired.value()).isNull();
				assertThat(fired.threshold()).isEqualTo("P6M");
				assertThat(fired.detail()).contains("no contact on record");
			});
		}

		@Test
		void noMonthsOnRecordAreNotEvaluated() {
			assertThat(signals.noRecentContact(inputs(List.of()))).isEmpty();
		}

	}

	@Nested
	class OpenComplaints {

		private ChurnInputs complaints(Integer earlier, Integer latest) {
			return inputs(List.of(new MonthFigures(LAST.minusMonths(1), BigDecimal.ONE, 1, null, earlier, null),
					new MonthFigures(LAST, BigDecimal.ONE, 1, null, latest, null)));
		}

		@Test
		void oneOpenComplaintInTheLatestMonthFiresAndNoneDoesNot() {
			assertThat(signals.openComplaints(complaints(0, 1))).hasValueSatisfying(fired -> {
				assertThat(fired.value()).isEqualTo("1");
				assertThat(fired.threshold()).isEqualTo("1");
			});
			assertThat(signals.openComplaints(complaints(3, 0))).isEmpty();
		}

		@Test
		void complaintsNotRecordedInTheLatestMonthAreNotEvaluated() {
			assertThat(signals.openComplaints(complaints(3, null))).isEmpty();
		}

		@Test
		void theThresholdIsConfigured() {
			ChurnSignals two = new ChurnSignals(new ChurnProperties(new BigDecimal("0.30"), 1, DEFAULTS.visitCadence(),
					2, 2, 0));
			assertThat(two.openComplaints(complaints(0, 1))).isEmpty();
			assertThat(two.openComplaints(complaints(0, 2))).isPresent();
		}

	}

	@Nested
	class OpenComplaintsInThePortal {

		private ChurnInputs complaints(@Nullable Integer fed, @Nullable Integer portal) {
			List<MonthFigures> months = (fed == null) ? List.of()
					: List.of(new MonthFigures(LAST, BigDecimal.ONE, 1, null, fed, null));
			return new ChurnInputs("C-1", ValueTierCode.B, months, null, AS_OF, null, portal, null);
		}

		@Test
		void thePortalsOpenComplaintsFireWhenTheFeedReportsNone() {
			assertThat(signals.openComplaints(complaints(0, 1))).hasValueSatisfying(fired -> {
				assertThat(fired.value()).isEqualTo("1");
				assertThat(fired.threshold()).isEqualTo("1");
				assertThat(fired.detail()).contains("portal");
			});
		}

		@Test
		void theLargerOfTheFeedAndThePortalCounts() {
			assertThat(signals.openComplaints(complaints(3, 1))).hasValueSatisfying(fired -> {
				assertThat(fired.value()).isEqualTo("3");
				assertThat(fired.detail()).contains("2026-10");
			});
			assertThat(signals.openComplaints(complaints(1, 4)))
				.hasValueSatisfying(fired -> assertThat(fired.value()).isEqualTo("4"));
		}

		@Test
		void noneOpenAnywhereDoesNotFireAndThePortalAloneIsEnoughToEvaluate() {
			assertThat(signals.openComplaints(complaints(0, 0))).isEmpty();
			assertThat(signals.openComplaints(complaints(null, 0))).isEmpty();
			assertThat(signals.openComplaints(complaints(null, 2)))
				.hasValueSatisfying(fired -> assertThat(fired.value()).isEqualTo("2"));
			assertThat(signals.openComplaints(complaints(null, null))).isEmpty();
		}

		@Test
		void theConfiguredThresholdAppliesToThePortalCount() {
			ChurnSignals two = new ChurnSignals(new ChurnProperties(new BigDecimal("0.30"), 1, DEFAULTS.visitCadence(),
					2, 2, 0));
			assertThat(two.openComplaints(complaints(null, 1))).isEmpty();
			assertThat(two.openComplaints(complaints(null, 2))).isPresent();
		}

	}

	@Nested
	class LowSatisfaction {

		private ChurnInputs answer(LocalDate on, boolean nps, int score) {
			return new ChurnInputs("C-1", ValueTierCode.B, quiet(), null, AS_OF, null, null,
					new ChurnInputs.SatisfactionReading(on, nps, score));
		}

		@Test
		void aFivePointScoreAtTheThresholdFiresAndOneAboveDoesNot() {
			assertThat(signals.lowSatisfaction(answer(AS_OF.minusDays(10), false, 2))).hasValueSatisfying(fired -> {
				assertThat(fired.code()).isEqualTo(ChurnSignal.LOW_SATISFACTION);
				assertThat(fired.value()).isEqualTo("2/5");
				assertThat(fired.threshold()).isEqualTo("2/5");
				assertThat(fired.detail()).contains(AS_OF.minusDays(10).toString());
			});
			assertThat(signals.lowSatisfaction(answer(AS_OF.minusDays(10), false, 1))).isPresent();
			assertThat(signals.lowSatisfaction(answer(AS_OF.minusDays(10), false, 3))).isEmpty();
		}

		@Test
		void anNpsScoreAtTheThresholdFiresAndOneAboveDoesNot() {
			assertThat(signals.lowSatisfaction(answer(AS_OF, true, 6))).hasValueSatisfying(fired -> {
				assertThat(fired.value()).isEqualTo("6/10");
				assertThat(fired.threshold()).isEqualTo("6/10");
			});
			assertThat(signals.lowSatisfaction(answer(AS_OF, true, 0))).isPresent();
			assertThat(signals.lowSatisfaction(answer(AS_OF, true, 7))).isEmpty();
		}

		@Test
		void anAnswerOnTheWindowsFirstDayCountsAndOneDayOlderDoesNot() {
			LocalDate first = AS_OF.minusMonths(6);
			assertThat(signals.lowSatisfaction(answer(first, false, 1))).isPresent();
			assertThat(signals.lowSatisfaction(answer(first.minusDays(1), false, 1))).isEmpty();
			assertThat(signals.lowSatisfaction(answer(AS_OF.plusDays(1), false, 1))).as("after the evaluation").isEmpty();
		}

		@Test
		void noAnswerOnRecordIsNotEvaluated() {
			assertThat(signals.lowSatisfaction(new ChurnInputs("C-1", ValueTierCode.B, quiet(), null, AS_OF))).isEmpty();
			assertThat(signals.evaluate(new ChurnInputs("C-1", ValueTierCode.B, quiet(), null, AS_OF)))
				.extracting(FiredSignal::code)
				.doesNotContain(ChurnSignal.LOW_SATISFACTION);
		}

		@Test
		void theWindowAndThresholdsAreConfiguredAndChecked() {
			ChurnSignals strict = new ChurnSignals(new ChurnProperties(new BigDecimal("0.30"), 1,
					DEFAULTS.visitCadence(), 2, 1, 0,
					new ChurnProperties.LowSatisfaction(Period.ofMonths(1), 3, 8)));
			assertThat(strict.lowSatisfaction(answer(AS_OF.minusDays(20), false, 3))).isPresent();
			assertThat(strict.lowSatisfaction(answer(AS_OF.minusDays(20), true, 8))).isPresent();
			assertThat(strict.lowSatisfaction(answer(AS_OF.minusMonths(1).minusDays(1), false, 1))).isEmpty();
			assertThatIllegalArgumentException()
				.isThrownBy(() -> new ChurnProperties.LowSatisfaction(Period.ZERO, 2, 6));
			assertThatIllegalArgumentException()
				.isThrownBy(() -> new ChurnProperties.LowSatisfaction(Period.ofMonths(6), 5, 6));
			assertThatIllegalArgumentException()
				.isThrownBy(() -> new ChurnProperties.LowSatisfaction(Period.ofMonths(6), 2, 10));
		}

	}

	@Nested
	class OverdueLoans {

		private ChurnInputs overdue(Integer days) {
			return new ChurnInputs("C-1", ValueTierCode.B, quiet(), days, AS_OF);
		}

		@Test
		void oneDayOverdueFiresAndNoneDoesNot() {
			assertThat(signals.overdueLoans(overdue(1))).hasValueSatisfying(fired -> {
				assertThat(fired.value()).isEqualTo("1");
				assertThat(fired.threshold()).isEqualTo("0");
			});
			assertThat(signals.overdueLoans(overdue(0))).isEmpty();
		}

		@Test
		void overdueDaysNotRecordedAreNotEvaluated() {
			assertThat(signals.overdueLoans(overdue(null))).isEmpty();
		}

		@Test
		void exactlyTheConfiguredDaysDoNotFire() {
			ChurnSignals thirty = new ChurnSignals(new ChurnProperties(new BigDecimal("0.30"), 1,
					DEFAULTS.visitCadence(), 2, 1, 30));
			assertThat(thirty.overdueLoans(overdue(30))).isEmpty();
			assertThat(thirty.overdueLoans(overdue(31))).isPresent();
		}

	}

	@Test
	void everySignalFiresInTheirOrderAndTheSameInputsGiveEqualSignals() {
		List<FiredSignal> fired = this.signals.evaluate(ChurnTestData.allSignals("C-1"));
		assertThat(fired).extracting(FiredSignal::code).containsExactly(ChurnSignal.values());
		assertThat(this.signals.evaluate(ChurnTestData.allSignals("C-1"))).isEqualTo(fired);
	}

	@Test
	void aQuietClientFiresNothing() {
		assertThat(this.signals.evaluate(ChurnTestData.quiet("C-1"))).isEmpty();
	}

	@Test
	void meaninglessThresholdsStopTheStart() {
		assertThatIllegalArgumentException().isThrownBy(
				() -> new ChurnProperties(BigDecimal.ONE, 1, DEFAULTS.visitCadence(), 2, 1, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> new ChurnProperties(new BigDecimal("0.30"), 1,
				Map.of(ValueTierCode.A, Period.ofMonths(1)), 2, 1, 0));
		assertThatIllegalArgumentException().isThrownBy(
				() -> new ChurnProperties(new BigDecimal("0.30"), 0, DEFAULTS.visitCadence(), 2, 1, 0));
	}

}
