package com.corpbank.portal.support.indexuse;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The one place where a read no index serves is accepted, each with its reason. Two kinds only: any read of a tiny
 * reference collection (read whole, bounded by the bank's org chart, not by its book), and one exact query shape of
 * a sweep that is meant to read a whole collection. Keep it short: an entry here is a scan on real MongoDB.
 */
public final class IndexUseAllowList {

	/**
	 * Collections that grow with the book. A request-time read of these must be served by an index: no
	 * collection-wide entry may name them, and a shape entry must be a sweep.
	 */
	static final Set<String> BOOK_COLLECTIONS = Set.of("clients", "tier_history", "risk_history",
			"assignment_history", "interactions", "complaints", "surveys", "relationship_metrics",
			"financial_statements", "notifications", "contacts", "tax_records", "churn_alerts", "tier_overrides",
			"audit_events");

	/** An accepted read: of any shape on a reference collection, or of one shape (as {@link IndexedQuery#describe}). */
	public record Entry(String collection, @Nullable String shape, String reason) {

		public Entry {
			if (shape == null && BOOK_COLLECTIONS.contains(collection)) {
				throw new IllegalArgumentException(collection + " grows with the book: allow one sweep's shape, "
						+ "not every read");
			}
		}

		boolean allows(IndexedQuery query) {
			return this.collection.equals(query.collection())
					&& (this.shape == null || this.shape.equals(query.describe()));
		}

	}

	static final List<Entry> ENTRIES = List.of(
			referenceData("tier_models", "the tier model versions: a handful, one new per model change (a few a year); "
					+ "the tiering screens list them and activation retires the others by status"));

	private IndexUseAllowList() {
	}

	/** A reference collection: bounded by the bank's organisation, read whole. */
	static Entry referenceData(String collection, String reason) {
		return new Entry(collection, null, reason);
	}

	/** One sweep's read of a whole collection, named by its exact {@link IndexedQuery#describe() description}. */
	static Entry sweep(String collection, String description, String reason) {
		return new Entry(collection, description, reason);
	}

	/** Why a read no index serves is accepted, or empty when it is not. */
	public static Optional<String> reasonFor(IndexedQuery query) {
		return reasonFor(query, ENTRIES);
	}

	static Optional<String> reasonFor(IndexedQuery query, List<Entry> entries) {
		return entries.stream().filter(entry -> entry.allows(query)).map(Entry::reason).findFirst();
	}

}
