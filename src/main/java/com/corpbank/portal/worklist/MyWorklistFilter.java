package com.corpbank.portal.worklist;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * {@code MyWorklistFilter}: every given condition must hold.
 *
 * @param kinds only these kinds; all when left out
 * @param overdueOnly only overdue items
 */
public record MyWorklistFilter(@Nullable List<WorklistKind> kinds, @Nullable Boolean overdueOnly) {

	public static final MyWorklistFilter NONE = new MyWorklistFilter(null, null);

}
