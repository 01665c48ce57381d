package com.corpbank.portal.worklist;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One kind of worklist item, read from its own collection: a page in the urgency order and counts by RM, both inside
 * the request's row scope and in one store round trip each. A new kind is a new implementation (a Spring bean); the
 * worklist merges whatever sources exist.
 */
public interface WorklistSource {

	/** The kind this source lists. */
	WorklistKind kind();

	/**
	 * The first {@code limit} items of this kind after {@code after} (from the start when null), in the urgency
	 * order, by one query sorted on the kind's indexed urgency field.
	 */
	List<WorklistItem> page(WorklistRequest request, @Nullable UrgencyPosition after, int limit);

	/** Every item of this kind for the request, counted by the RM it is for (one aggregation with {@code $group}). */
	Map<String, Counts> countByManager(WorklistRequest request);

	/** How many items, and how many of them overdue. */
	record Counts(long total, long overdue) {

		static final Counts NONE = new Counts(0, 0);

		Counts plus(Counts other) {
			return new Counts(this.total + other.total, this.overdue + other.overdue);
		}

	}

}
