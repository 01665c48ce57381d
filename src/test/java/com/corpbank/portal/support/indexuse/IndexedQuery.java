package com.corpbank.portal.support.indexuse;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One read the store must answer: a find, the leading {@code $match}/{@code $sort} of an aggregation, a
 * {@code $lookup} on its joined collection, an update's or delete's {@code q}, a count, a distinct.
 *
 * @param collection the collection read
 * @param origin what sent it ({@code find}, {@code aggregate}, {@code $lookup from aggregate}, ...)
 * @param filter the filter as an index sees it
 * @param sort the sort keys in order
 * @param shape the filter and sort with values left out: field names and operators only
 * @param kind what a read of this kind needs beyond the filter
 * @param distinctKey the field of a {@code distinct}
 */
public record IndexedQuery(String collection, String origin, Filter filter, List<SortKey> sort, String shape,
		Kind kind, @Nullable String distinctKey) {

	public enum Kind {

		/** Needs an index for its filter and sort. */
		READ,
		/** A {@code count} with no filter: answered from the collection's metadata. */
		METADATA_COUNT,
		/** No filter, no sort, a limit: reads the first documents it meets (an "is there any?" check). */
		FIRST_DOCUMENTS,
		/** An aggregation whose first stage reads every document (no leading {@code $match} or {@code $sort}). */
		PIPELINE_SCAN

	}

	public record SortKey(String field, int direction) {

		@Override
		public String toString() {
			return this.field + ":" + this.direction;
		}

	}

	/** The collection and the shape, as a message or the report names the query. */
	public String describe() {
		return this.origin + " " + this.collection + " " + this.shape;
	}

}
