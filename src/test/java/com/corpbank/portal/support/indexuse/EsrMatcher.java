package com.corpbank.portal.support.indexuse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

import com.corpbank.portal.support.indexuse.DeclaredIndex.Key;
import com.corpbank.portal.support.indexuse.IndexedQuery.SortKey;

/**
 * Decides whether one of a collection's indexes serves a query by the equality-sort-range rule: the index's leading
 * keys are equality fields of the query (any order), then the sort keys in order (all in the index's directions or
 * all reversed), then one range field. An index serves a query when at least its first key is used and no unused
 * key precedes a used one, and, stricter than "any key": when the query has equality fields the first key is one of
 * them (walking another index in sort order while filtering on an unindexed equality is a scan), and when it sorts,
 * the index gives that order (a sort in memory reads every match before returning the first). A query whose
 * equalities cover every key of a unique index (by {@code _id}, say) reads at most one document per value, so needs
 * neither. {@code $or}: every branch (with the rest of the filter) must be served, unless the rest alone is.
 */
public final class EsrMatcher {

	private EsrMatcher() {
	}

	/** How a query is served, or why it is not. */
	public record Verdict(boolean served, String detail) {

		static Verdict servedBy(String detail) {
			return new Verdict(true, detail);
		}

		static Verdict refused(String reason) {
			return new Verdict(false, reason);
		}

	}

	public static Verdict match(IndexedQuery query, List<DeclaredIndex> indexes) {
		return switch (query.kind()) {
			case METADATA_COUNT -> Verdict.servedBy("collection metadata (count without a filter)");
			case FIRST_DOCUMENTS -> Verdict.servedBy("no index needed (the first documents, no filter, a limit)");
			case PIPELINE_SCAN -> Verdict.refused("the pipeline's first stage reads every document: " + query.shape());
			case READ -> (query.distinctKey() != null && query.filter().isEmpty())
					? distinctScan(query.distinctKey(), indexes) : serve(query.filter(), query.sort(), indexes);
		};
	}

	private static Verdict distinctScan(String key, List<DeclaredIndex> indexes) {
		return indexes.stream()
			.filter(index -> index.keys().get(0).field().equals(key))
			.findFirst()
			.map(index -> Verdict.servedBy(index.name() + " (distinct scan)"))
			.orElseGet(() -> Verdict.refused("distinct " + key + " with no filter and no index led by " + key));
	}

	static Verdict serve(Filter filter, List<SortKey> sort, List<DeclaredIndex> indexes) {
		if (filter.text()) {
			// $text must use the collection's text index; nothing else can answer it.
			return indexes.stream()
				.filter(DeclaredIndex::text)
				.findFirst()
				.map(index -> Verdict.servedBy(index.name() + " (text)"))
				.orElseGet(() -> Verdict.refused("$text without a text index"));
		}
		Optional<String> plain = bestIndex(filter.withoutOrs(), sort, indexes);
		if (plain.isPresent()) {
			return Verdict.servedBy(plain.get());
		}
		if (!filter.ors().isEmpty()) {
			Filter rest = filter.withoutFirstOr();
			StringJoiner branches = new StringJoiner(" | ", "$or: ", "");
			for (Filter branch : filter.ors().get(0)) {
				Verdict verdict = serve(rest.and(branch), sort, indexes);
				if (!verdict.served()) {
					return Verdict.refused("an $or branch is not served: " + verdict.detail());
				}
				branches.add(verdict.detail());
			}
			return Verdict.servedBy(branches.toString());
		}
		if (filter.withoutOrs().isEmpty() && sort.isEmpty()) {
			return Verdict.refused("collection scan: no filter and no sort");
		}
		return Verdict.refused("no index serves it by equality-sort-range");
	}

	/** The index that serves a filter without {@code $or} best, as "name (how)". */
	private static Optional<String> bestIndex(Filter filter, List<SortKey> sort, List<DeclaredIndex> indexes) {
		String best = null;
		int bestScore = 0;
		for (DeclaredIndex index : indexes) {
			Optional<IndexUse> use = use(filter, sort, index);
			if (use.isEmpty()) {
				continue;
			}
			IndexUse how = use.get();
			int score = how.score;
			if (score > bestScore) {
				bestScore = score;
				best = index.name() + " (" + how.description + ")";
			}
		}
		return Optional.ofNullable(best);
	}

	/** How an index is used: the keys it bounds or orders by, and a score to prefer the index that uses most. */
	private record IndexUse(int score, String description) {
	}

	static Optional<IndexUse> use(Filter filter, List<SortKey> sort, DeclaredIndex index) {
		List<Key> keys = index.keys();
		// A point read: a unique index whose every key is bound to a value.
		if (index.unique()
				&& keys.stream().allMatch(key -> filter.use(key.field()) == Filter.Use.EQUALITY)) {
			return Optional.of(new IndexUse(1000 + keys.size(), "point read on " + fields(keys)));
		}
		List<String> used = new ArrayList<>();
		int at = 0;
		while (at < keys.size() && filter.use(keys.get(at).field()) == Filter.Use.EQUALITY) {
			used.add(keys.get(at).field() + "=");
			at++;
		}
		if (filter.hasEquality() && at == 0) {
			return Optional.empty();
		}
		// Sort fields bound to one value order nothing.
		List<SortKey> order = sort.stream()
			.filter(key -> filter.use(key.field()) != Filter.Use.EQUALITY)
			.toList();
		if (!order.isEmpty()) {
			int sign = 0;
			for (SortKey sortKey : order) {
				// Further equality keys may sit between sort keys: within one value they keep the order.
				while (at < keys.size() && filter.use(keys.get(at).field()) == Filter.Use.EQUALITY
						&& !keys.get(at).field().equals(sortKey.field())) {
					used.add(keys.get(at).field() + "=");
					at++;
				}
				if (at >= keys.size()) {
					return Optional.empty();
				}
				Key key = keys.get(at);
				int direction = key.direction() * sortKey.direction();
				if (!key.field().equals(sortKey.field()) || direction == 0 || (sign != 0 && direction != sign)) {
					return Optional.empty();
				}
				sign = direction;
				used.add(key.field() + (filter.use(key.field()) == Filter.Use.RANGE ? " range+sort" : " sort"));
				at++;
			}
		}
		if (at < keys.size() && filter.use(keys.get(at).field()) == Filter.Use.RANGE) {
			used.add(keys.get(at).field() + " range");
		}
		if (used.isEmpty()) {
			return Optional.empty();
		}
		int bounded = (int) used.stream().filter(use -> !use.endsWith(" sort")).count();
		return Optional.of(new IndexUse(10 * bounded + used.size(), String.join(", ", used)));
	}

	private static String fields(List<Key> keys) {
		return String.join(",", keys.stream().map(Key::field).toList());
	}

}
