package com.corpbank.portal.support.indexuse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.corpbank.portal.support.indexuse.IndexedQuery.Kind;
import com.corpbank.portal.support.indexuse.IndexedQuery.SortKey;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Turns a command the driver sends into the reads it asks of the store. Commands that read nothing through a filter
 * (insert, createIndexes, drop, getMore, handshakes) give none.
 */
public final class QueryParser {

	/** Comparisons MongoDB 5.0+ can bound an index with inside a {@code $lookup} pipeline's {@code $expr}. */
	private static final Map<String, Filter.Use> EXPR_OPERATORS = Map.of("$eq", Filter.Use.EQUALITY, "$lt",
			Filter.Use.RANGE, "$lte", Filter.Use.RANGE, "$gt", Filter.Use.RANGE, "$gte", Filter.Use.RANGE);

	/** First stages that read metadata, not documents. */
	private static final Set<String> METADATA_STAGES = Set.of("$collStats", "$indexStats", "$listSessions",
			"$currentOp", "$documents");

	private QueryParser() {
	}

	public static List<IndexedQuery> parse(String commandName, BsonDocument command) {
		BsonValue target = command.get(commandName);
		if (target == null || !target.isString()) {
			return List.of();
		}
		String collection = target.asString().getValue();
		List<IndexedQuery> queries = new ArrayList<>();
		switch (commandName) {
			case "find" -> {
				IndexedQuery find = read(collection, "find", document(command, "filter"), document(command, "sort"));
				queries.add(command.containsKey("limit") ? firstDocuments(find) : find);
			}
			case "count" -> {
				BsonDocument query = document(command, "query");
				queries.add(query.isEmpty() ? new IndexedQuery(collection, "count", Filter.parse(query), List.of(),
						"{}", Kind.METADATA_COUNT, null) : read(collection, "count", query, new BsonDocument()));
			}
			case "distinct" -> {
				BsonDocument query = document(command, "query");
				String key = command.getString("key").getValue();
				queries.add(new IndexedQuery(collection, "distinct " + key, Filter.parse(query), List.of(),
						Shapes.of(query), Kind.READ, key));
			}
			case "findAndModify" -> queries
				.add(read(collection, "findAndModify", document(command, "query"), document(command, "sort")));
			case "update" -> {
				for (BsonValue update : array(command, "updates")) {
					queries.add(read(collection, "update", document(update.asDocument(), "q"), new BsonDocument()));
				}
			}
			case "delete" -> {
				for (BsonValue delete : array(command, "deletes")) {
					queries.add(read(collection, "delete", document(delete.asDocument(), "q"), new BsonDocument()));
				}
			}
			case "aggregate" -> pipeline(collection, "aggregate", array(command, "pipeline"), new Filter(),
					queries);
			default -> {
				// insert, createIndexes, drop, getMore, killCursors, listIndexes, ...: no filter to serve.
			}
		}
		return queries;
	}

	/**
	 * The reads of a pipeline on a collection: its leading {@code $match} (with {@code extra}, the equality a
	 * {@code $lookup}'s {@code foreignField} adds) and a {@code $sort} right after it, then every {@code $lookup},
	 * {@code $graphLookup} and {@code $unionWith} anywhere in it, nested pipelines and {@code $facet}s included.
	 */
	static void pipeline(String collection, String origin, BsonArray stages, Filter extra,
			List<IndexedQuery> queries) {
		BsonDocument match = new BsonDocument();
		BsonDocument sort = new BsonDocument();
		Filter exprBounds = new Filter();
		boolean leadingRead = !extra.isEmpty();
		boolean scan = false;
		int at = 0;
		if (at < stages.size() && stageName(stages.get(at)).equals("$match")) {
			match = stages.get(at).asDocument().getDocument("$match");
			exprBounds = exprBounds(match.get("$expr"));
			leadingRead = true;
			at++;
		}
		if (at < stages.size() && stageName(stages.get(at)).equals("$sort")) {
			sort = stages.get(at).asDocument().getDocument("$sort");
			leadingRead = true;
			at++;
		}
		boolean limited = at < stages.size() && stageName(stages.get(at)).equals("$limit");
		if (!leadingRead && !limited && !stages.isEmpty() && !METADATA_STAGES.contains(stageName(stages.get(0)))) {
			scan = true;
		}
		if (leadingRead || limited || scan || stages.isEmpty()) {
			Filter filter = Filter.parse(match).and(extra).and(exprBounds);
			String shape = Shapes.of(match) + extraShape(extra) + (sort.isEmpty() ? "" : " sort " + sort.toJson());
			if (scan) {
				shape = "first stage " + stageName(stages.get(0));
			}
			IndexedQuery read = new IndexedQuery(collection, origin, filter, sortKeys(sort), shape,
					scan ? Kind.PIPELINE_SCAN : Kind.READ, null);
			queries.add(limited ? firstDocuments(read) : read);
		}
		for (BsonValue stage : stages) {
			String name = stageName(stage);
			BsonValue body = stage.asDocument().get(name);
			if (!body.isDocument()) {
				continue;
			}
			BsonDocument spec = body.asDocument();
			switch (name) {
				case "$lookup" -> {
					String from = spec.getString("from").getValue();
					Filter joined = spec.containsKey("foreignField")
							? Filter.equality(spec.getString("foreignField").getValue()) : new Filter();
					pipeline(from, "$lookup from " + collection, spec.containsKey("pipeline")
							? spec.getArray("pipeline") : new BsonArray(), joined, queries);
				}
				case "$graphLookup" -> pipeline(spec.getString("from").getValue(), "$graphLookup from " + collection,
						new BsonArray(), Filter.equality(spec.getString("connectToField").getValue()), queries);
				case "$unionWith" -> pipeline(spec.getString("coll").getValue(), "$unionWith from " + collection,
						spec.containsKey("pipeline") ? spec.getArray("pipeline") : new BsonArray(), new Filter(),
						queries);
				case "$facet" -> {
					// Facets run on the documents already read; only their joins read a collection.
					for (BsonValue facet : spec.values()) {
						if (facet.isArray()) {
							joins(collection, facet.asArray(), queries);
						}
					}
				}
				default -> {
				}
			}
		}
	}

	private static void joins(String collection, BsonArray stages, List<IndexedQuery> queries) {
		BsonArray joinsOnly = new BsonArray();
		for (BsonValue stage : stages) {
			String name = stageName(stage);
			if (Set.of("$lookup", "$graphLookup", "$unionWith", "$facet").contains(name)) {
				joinsOnly.add(stage);
			}
		}
		// The facet's input is already read: keep only what its joins read.
		List<IndexedQuery> found = new ArrayList<>();
		pipeline(collection, "$facet", joinsOnly, new Filter(), found);
		found.stream().filter(query -> !query.origin().equals("$facet")).forEach(queries::add);
	}

	/** Fields a {@code $lookup} pipeline's {@code $match: {$expr: ...}} compares to a variable or a constant. */
	static Filter exprBounds(BsonValue expr) {
		Filter bounds = new Filter();
		if (expr == null || !expr.isDocument() || expr.asDocument().size() != 1) {
			return bounds;
		}
		String operator = expr.asDocument().getFirstKey();
		BsonValue arguments = expr.asDocument().get(operator);
		if ("$and".equals(operator) && arguments.isArray()) {
			for (BsonValue clause : arguments.asArray()) {
				bounds = bounds.and(exprBounds(clause));
			}
		}
		else if (EXPR_OPERATORS.containsKey(operator) && arguments.isArray() && arguments.asArray().size() == 2) {
			BsonValue left = arguments.asArray().get(0);
			BsonValue right = arguments.asArray().get(1);
			String field = fieldPath(left) != null ? fieldPath(left) : fieldPath(right);
			boolean otherIsField = fieldPath(left) != null && fieldPath(right) != null;
			if (field != null && !otherIsField) {
				bounds.use(field, EXPR_OPERATORS.get(operator));
			}
		}
		return bounds;
	}

	/** {@code "$a.b"} is the field a.b; {@code "$$var"} is a variable. */
	private static String fieldPath(BsonValue value) {
		if (value.isString()) {
			String text = value.asString().getValue();
			if (text.startsWith("$") && !text.startsWith("$$")) {
				return text.substring(1);
			}
		}
		return null;
	}

	private static IndexedQuery read(String collection, String origin, BsonDocument filter, BsonDocument sort) {
		String shape = Shapes.of(filter) + (sort.isEmpty() ? "" : " sort " + sort.toJson());
		return new IndexedQuery(collection, origin, Filter.parse(filter), sortKeys(sort), shape, Kind.READ, null);
	}

	/** A limited read with no filter and no sort reads only its first documents; any other stays as it is. */
	private static IndexedQuery firstDocuments(IndexedQuery query) {
		if (query.kind() != Kind.READ || !query.filter().isEmpty() || !query.sort().isEmpty()) {
			return query;
		}
		return new IndexedQuery(query.collection(), query.origin(), query.filter(), query.sort(),
				query.shape() + " limit", Kind.FIRST_DOCUMENTS, null);
	}

	private static String extraShape(Filter extra) {
		return extra.isEmpty() ? "" : " foreignField " + String.join(",", extra.fields().keySet());
	}

	static List<SortKey> sortKeys(BsonDocument sort) {
		List<SortKey> keys = new ArrayList<>();
		for (Map.Entry<String, BsonValue> key : sort.entrySet()) {
			// {$meta: "textScore"} and the like: no index order.
			int direction = key.getValue().isNumber() ? (key.getValue().asNumber().intValue() < 0 ? -1 : 1) : 0;
			keys.add(new SortKey(key.getKey(), direction));
		}
		return List.copyOf(keys);
	}

	private static String stageName(BsonValue stage) {
		return (stage.isDocument() && !stage.asDocument().isEmpty()) ? stage.asDocument().getFirstKey() : "";
	}

	private static BsonDocument document(BsonDocument command, String key) {
		BsonValue value = command.get(key);
		return (value != null && value.isDocument()) ? value.asDocument() : new BsonDocument();
	}

	private static BsonArray array(BsonDocument command, String key) {
		BsonValue value = command.get(key);
		return (value != null && value.isArray()) ? value.asArray() : new BsonArray();
	}

}
