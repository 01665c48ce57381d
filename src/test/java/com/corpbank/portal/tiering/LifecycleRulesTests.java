package com.corpbank.portal.tiering;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.corpbank.portal.client.LifecycleStage;
import com.corpbank.portal.tiering.LifecycleRules.Month;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LifecycleRulesTests {

	private static final LifecycleRules RULES = new LifecycleRules(6, 6);

	private static final LocalDate AS_OF = LocalDate.of(2026, 11, 20);

	private static final LocalDate LONG_AGO = LocalDate.of(2015, 3, 1);

	private static List<Month> months(int count, int products, Integer transactions) {
		return new ArrayList<>(Collections.nCopies(count, new Month(products, transactions)));
	}

	private static List<Month> concat(List<Month> first, List<Month> then) {
		List<Month> all = new ArrayList<>(first);
		all.addAll(then);
		return all;
	}

	@Test
	void aClientThatNeverHeldAProductIsAProspectEvenWithAnOpenWarning() {
		assertThat(RULES.stageOf(months(24, 0, 0), true, LONG_AGO, AS_OF)).isEqualTo(LifecycleStage.PROSPECT);
		assertThat(RULES.stageOf(List.of(), false, AS_OF.minusMonths(1), AS_OF)).isEqualTo(LifecycleStage.PROSPECT);
	}

	@Test
	void sixMonthsWithoutProductsAfterHoldingSomeIsChurnedAndFiveIsNot() {
		assertThat(RULES.stageOf(concat(months(18, 3, 10), months(6, 0, 0)), false, LONG_AGO, AS_OF))
			.isEqualTo(LifecycleStage.CHURNED);
		assertThat(RULES.stageOf(concat(months(19, 3, 10), months(5, 0, 0)), false, LONG_AGO, AS_OF))
			.isNotEqualTo(LifecycleStage.CHURNED);
	}

	@Test
	void anOpenChurnWarningMakesAnActiveClientAtRisk() {
		assertThat(RULES.stageOf(months(24, 4, 20), true, LONG_AGO, AS_OF)).isEqualTo(LifecycleStage.AT_RISK);
		assertThat(RULES.stageOf(months(24, 4, 20), false, LONG_AGO, AS_OF)).isEqualTo(LifecycleStage.MATURE);
	}

	@Test
	void productsButNoTransactionForSixMonthsIsDormantAndUnreportedCountsAreNot() {
		assertThat(RULES.stageOf(concat(months(18, 2, 5), months(6, 2, 0)), false, LONG_AGO, AS_OF))
			.isEqualTo(LifecycleStage.DORMANT);
		assertThat(RULES.stageOf(concat(months(19, 2, 5), months(5, 2, 0)), false, LONG_AGO, AS_OF))
			.isEqualTo(LifecycleStage.MATURE);
		assertThat(RULES.stageOf(months(24, 2, null), false, LONG_AGO, AS_OF)).isEqualTo(LifecycleStage.MATURE);
	}

	@Test
	void onboardedWithinTwelveMonthsIsNewAndTwelveMonthsAgoIsNot() {
		assertThat(RULES.stageOf(months(3, 1, 2), false, AS_OF.minusMonths(12).plusDays(1), AS_OF))
			.isEqualTo(LifecycleStage.NEW);
		assertThat(RULES.stageOf(months(12, 1, 2), false, AS_OF.minusMonths(12), AS_OF))
			.isEqualTo(LifecycleStage.MATURE);
	}

	@Test
	void aClientWithFewerMonthsOnRecordThanTheRuleNeedsIsNotChurned() {
		assertThat(RULES.stageOf(concat(months(1, 1, 1), months(3, 0, 0)), false, AS_OF.minusMonths(5), AS_OF))
			.isEqualTo(LifecycleStage.NEW);
	}

}
