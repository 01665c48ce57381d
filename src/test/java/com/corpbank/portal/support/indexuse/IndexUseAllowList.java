package com.corpbank.portal.support.indexuse;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The one place where a read no index serves is accepted, each with its reason. Two kinds only: any read of a tiny
 * reference collection (bounded by the bank's organisation or its rule book, not by its client book), and one exact
 * read shape sent by one named method that is meant to read a whole collection (a sweep, or an analysis whose answer
 * is about every document in the caller's scope). Keep it short: every entry is a scan on real MongoDB.
 */
public final class IndexUseAllowList {

	/**
	 * Collections that grow with the book. No entry may accept every read of these; an entry names one shape and the
	 * one method that sends it, so the same shape from a request path elsewhere is still refused.
	 */
	static final Set<String> BOOK_COLLECTIONS = Set.of("clients", "tier_history", "risk_history",
			"assignment_history", "interactions", "complaints", "surveys", "relationship_metrics",
			"financial_statements", "notifications", "contacts", "tax_records", "churn_alerts", "tier_overrides",
			"audit_events");

	/**
	 * An accepted read: of any shape on a reference collection, or of one shape ({@link IndexedQuery#describe}) sent
	 * by one method: {@code sender} is the start of its frame, {@code package.Class.method(} (or
	 * {@code package.Class.lambda$method$} for a lambda in it).
	 */
	public record Entry(String collection, @Nullable String shape, @Nullable String sender, String reason) {

		public Entry {
			if (BOOK_COLLECTIONS.contains(collection) && (shape == null || sender == null)) {
				throw new IllegalArgumentException(collection + " grows with the book: allow one shape from one "
						+ "method, not every read");
			}
		}

		boolean allows(IndexedQuery query, String caller) {
			return this.collection.equals(query.collection())
					&& (this.shape == null || this.shape.equals(query.describe()))
					&& (this.sender == null || caller.startsWith(this.sender));
		}

	}

	static final List<Entry> ENTRIES = List.of(
			referenceData("tier_models", "the tier model versions: a handful, one new per model change (a few a year); "
					+ "the tiering screens list them and activation retires the others by status"),
			// A re-tiering job re-evaluates every client; counting them once as its total is proportionate.
			wholeCollection("clients", "aggregate clients {}", "com.corpbank.portal.retiering.RetieringJobs.begin(",
					"a re-tiering job's total: the job then reads every client anyway"),
			// The head office's analyses are about the whole book: every client is read because every client is
			// in the answer, not for want of an index (a scoped caller's $match is index-served). Making them cheap
			// at a million clients takes a maintained roll-up, not an index.
			wholeCollection("clients", "aggregate clients {}", "com.corpbank.portal.portfolio.PortfolioQueries.portfolio(",
					"the head office's portfolio: sums over the whole book"),
			wholeCollection("clients", "aggregate clients {}", "com.corpbank.portal.quality.DataQualityQueries.report(",
					"the head office's data-quality report: flags of every client in the book"),
			wholeCollection("clients", "aggregate clients {}", "com.corpbank.portal.quality.DataQualityQueries.count(",
					"the head office's count of one data-quality problem across the book"),
			wholeCollection("clients", "aggregate clients {}",
					"com.corpbank.portal.migration.MigrationQueries.lambda$aggregate$",
					"the head office's tier migration matrix and its cells: every client's tier on two dates"),
			// onboardedOn ≤ the day keeps nearly every client of a past date: an index on it would be read whole too.
			wholeCollection("clients", "aggregate clients {$and: [{}, {onboardedOn: {$lte: ?}}]}",
					"com.corpbank.portal.portfolio.PortfolioAsOf.lambda$portfolio$",
					"the head office's portfolio as of a date: every client onboarded by then"));

	private IndexUseAllowList() {
	}

	/** A reference collection: bounded by the bank's organisation or rule book, read whole. */
	static Entry referenceData(String collection, String reason) {
		return new Entry(collection, null, null, reason);
	}

	/** One method's read of a whole collection, by its exact {@link IndexedQuery#describe() description}. */
	static Entry wholeCollection(String collection, String description, String sender, String reason) {
		return new Entry(collection, description, sender, reason);
	}

	/** Why a read no index serves is accepted, or empty when it is not. */
	public static Optional<String> reasonFor(IndexedQuery query, String caller) {
		return reasonFor(query, caller, ENTRIES);
	}

	static Optional<String> reasonFor(IndexedQuery query, String caller, List<Entry> entries) {
		return entries.stream().filter(entry -> entry.allows(query, caller)).map(Entry::reason).findFirst();
	}

}
