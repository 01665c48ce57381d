package com.corpbank.portal.worklist;

import java.time.Instant;
import java.util.List;

/**
 * {@code WorklistSummary}: the worklist items of a branch counted, in total, by kind and by RM.
 *
 * @param asOf the instant the items were judged at (overdue or not)
 */
public record WorklistSummary(Instant asOf, long totalCount, long overdueCount, List<KindCount> byKind,
		List<ManagerCounts> byManager) {

	/** {@code WorklistKindCount}: how many items of a kind, and how many of them are overdue. */
	public record KindCount(WorklistKind kind, long count, long overdueCount) {
	}

	/** {@code WorklistManagerCounts}: one RM's items, in total and by kind (kinds with no item left out). */
	public record ManagerCounts(String rmUsername, long totalCount, long overdueCount, List<KindCount> byKind) {
	}

}
