package com.corpbank.portal.store.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * Finds the collection scans in a MongoDB {@code explain} answer (any verbosity), wherever the server puts the winning
 * plan:
 * <ul>
 * <li>a find, count or distinct: {@code queryPlanner.winningPlan}, a tree of {@code stage} nodes linked by
 * {@code inputStage}, {@code inputStages}, {@code outerStage}/{@code innerStage} (MongoDB 7/8 classic engine);</li>
 * <li>the slot-based engine (SBE, {@code explainVersion "2"}): {@code queryPlanner.winningPlan.queryPlan} is that tree
 * (the {@code slotBasedPlan} beside it is the engine's own program, not walked);</li>
 * <li>an aggregate the engine could not push down whole: {@code stages[0].$cursor.queryPlanner.winningPlan}, the
 * later stages beside it; a {@code $lookup} or {@code $unionWith} whose sub-plan is exposed is walked the same way,
 * and a {@code $lookup} reported with {@code collectionScans > 0} (executionStats) counts as one;</li>
 * <li>a {@code $lookup} pushed into SBE: an {@code EQ_LOOKUP} node whose {@code strategy} is not
 * {@code IndexedLoopJoin} (or its dynamic variant) reads the whole foreign collection ({@code NestedLoopJoin},
 * {@code HashJoin}), so it counts as a scan of that collection;</li>
 * <li>sharded answers: every shard's plan ({@code shards}).</li>
 * </ul>
 * Rejected plans are never walked: a scan the planner considered and rejected costs nothing.
 */
public final class ExplainPlans {

	/**
	 * The join strategies of an {@code EQ_LOOKUP} that probe the foreign collection's index per local document (the
	 * dynamic one falls back to a scan only for a local value the index cannot serve, decided per document).
	 */
	static final Set<String> INDEXED_JOINS = Set.of("IndexedLoopJoin", "DynamicIndexedLoopJoin");

	/**
	 * Parts of an answer that are not plans: rejected plans cost nothing, SBE's own program repeats the plan in
	 * another language, and the echoed command and parsed query could hold a field named "stage".
	 */
	private static final Set<String> NOT_PLANS = Set.of("rejectedPlans", "slotBasedPlan", "command",
			"originalCommand", "parsedQuery", "serverInfo", "serverParameters");

	private ExplainPlans() {
	}

	/**
	 * One collection scan in a winning plan.
	 *
	 * @param collection the collection scanned (the plan's namespace without the database, or the foreign collection
	 * of a lookup); null when the answer does not say
	 * @param path where in the explain answer, e.g. {@code stages[0].$cursor.queryPlanner.winningPlan.inputStage}
	 * @param stage {@code COLLSCAN}, or {@code EQ_LOOKUP NestedLoopJoin}, {@code $lookup collectionScans=2}
	 */
	public record Scan(@Nullable String collection, String path, String stage) {
	}

	/** Every collection scan in the answer's winning plans; empty when every plan reads through an index. */
	public static List<Scan> collectionScans(Document explain) {
		List<Scan> scans = new ArrayList<>();
		walk(explain, "", namespaceOf(explain, null), scans);
		return List.copyOf(scans);
	}

	private static void walk(Object value, String path, @Nullable String collection, List<Scan> scans) {
		if (value instanceof Map<?, ?> map) {
			walkDocument(map, path, collection, scans);
		}
		else if (value instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				walk(list.get(i), path + "[" + i + "]", collection, scans);
			}
		}
	}

	private static void walkDocument(Map<?, ?> document, String path, @Nullable String collection, List<Scan> scans) {
		String here = namespaceOf(document, collection);
		Object stage = document.get("stage");
		if ("COLLSCAN".equals(stage)) {
			scans.add(new Scan(here, path.isEmpty() ? "(root)" : path, "COLLSCAN"));
		}
		if ("EQ_LOOKUP".equals(stage) && !INDEXED_JOINS.contains(String.valueOf(document.get("strategy")))) {
			scans.add(new Scan(collectionOf(document.get("foreignCollection")), path,
					"EQ_LOOKUP " + document.get("strategy")));
		}
		// executionStats puts a $lookup's counters beside its specification, in the same stage document.
		if (document.get("$lookup") instanceof Map<?, ?> lookup && document.get("collectionScans") instanceof Number n
				&& n.longValue() > 0) {
			scans.add(new Scan(collectionOf(lookup.get("from")), path.isEmpty() ? "$lookup" : path + ".$lookup",
					"$lookup collectionScans=" + n.longValue()));
		}
		for (Map.Entry<?, ?> entry : document.entrySet()) {
			String key = String.valueOf(entry.getKey());
			if (NOT_PLANS.contains(key)) {
				continue;
			}
			Object child = entry.getValue();
			String childCollection = here;
			if (document.get("$lookup") == child && child instanceof Map<?, ?> lookup) {
				childCollection = collectionOf(lookup.get("from"));
			}
			if (document.get("$unionWith") == child && child instanceof Map<?, ?> union) {
				childCollection = collectionOf(union.get("coll"));
			}
			walk(child, path.isEmpty() ? key : path + "." + key, childCollection, scans);
		}
	}

	/** The collection a plan reads: its own {@code namespace} ("db.collection"), else the one it is nested in. */
	private static @Nullable String namespaceOf(Map<?, ?> document, @Nullable String enclosing) {
		return (document.get("namespace") instanceof String) ? collectionOf(document.get("namespace")) : enclosing;
	}

	/** "portal.tier_history" (MongoDB 8 names a foreign collection with its database) or "tier_history". */
	private static @Nullable String collectionOf(@Nullable Object name) {
		if (!(name instanceof String string)) {
			return null;
		}
		int dot = string.indexOf('.');
		return (dot >= 0) ? string.substring(dot + 1) : string;
	}

}
