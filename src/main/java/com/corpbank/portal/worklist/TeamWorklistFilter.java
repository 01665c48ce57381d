package com.corpbank.portal.worklist;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * {@code TeamWorklistFilter}: every given condition must hold.
 *
 * @param rmUsername only the items for this RM
 * @param kinds only these kinds; all when left out
 * @param overdueOnly only overdue items
 */
public record TeamWorklistFilter(@Nullable String rmUsername, @Nullable List<WorklistKind> kinds,
		@Nullable Boolean overdueOnly) {

	public static final TeamWorklistFilter NONE = new TeamWorklistFilter(null, null, null);

}
