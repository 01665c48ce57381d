package com.corpbank.portal.tiering;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;

import com.corpbank.portal.client.LifecycleStage;
import org.jspecify.annotations.Nullable;

/**
 * The lifecycle stage 生命周期 derived from the data, first rule that holds wins:
 * <ol>
 * <li>PROSPECT: no month on record with a product held (a client the bank has not yet sold anything);</li>
 * <li>CHURNED: no product held in each of the last {@code churnedAfterMonths} months on record, after holding some
 * before;</li>
 * <li>AT_RISK: a churn warning is open (not CLOSED);</li>
 * <li>DORMANT: products held, but no transaction in each of the last {@code dormantAfterMonths} months;</li>
 * <li>NEW: onboarded within the 12 months before the evaluation date;</li>
 * <li>MATURE: otherwise.</li>
 * </ol>
 * Months are the client's monthly relationship records up to the last complete month, oldest first.
 */
public record LifecycleRules(int churnedAfterMonths, int dormantAfterMonths) {

	/** One month as the rules read it. */
	public record Month(int productsHeld, @Nullable Integer transactionCount) {
	}

	public LifecycleStage stageOf(List<Month> months, boolean churnAlertOpen, @Nullable LocalDate onboardedOn,
			LocalDate asOf) {
		if (months.stream().noneMatch(month -> month.productsHeld() > 0)) {
			return LifecycleStage.PROSPECT;
		}
		if (everyOneOfLast(months, this.churnedAfterMonths, month -> month.productsHeld() == 0)) {
			return LifecycleStage.CHURNED;
		}
		if (churnAlertOpen) {
			return LifecycleStage.AT_RISK;
		}
		if (everyOneOfLast(months, this.dormantAfterMonths,
				month -> month.transactionCount() != null && month.transactionCount() == 0)) {
			return LifecycleStage.DORMANT;
		}
		if (onboardedOn != null && onboardedOn.isAfter(asOf.minusMonths(12))) {
			return LifecycleStage.NEW;
		}
		return LifecycleStage.MATURE;
	}

	// A rule over the last n months needs n months on record: a client with fewer has not been that way that long.
	private static boolean everyOneOfLast(List<Month> months, int count, Predicate<Month> rule) {
		return months.size() >= count && months.subList(months.size() - count, months.size()).stream().allMatch(rule);
	}

}
