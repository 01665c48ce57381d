package com.corpbank.portal.store.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.corpbank.portal.store.explain.CapturedQueries.Query;
import com.corpbank.portal.store.explain.ExplainPlans.Scan;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.Document;

/**
 * Explains every captured read and keeps the collection scans that are not an allowed exception. The store is a
 * function from an explain command to its answer, so the check runs on canned answers where there is no MongoDB.
 */
final class ScanCheck {

	/**
	 * Collections the service may read whole, each with why. Only a read with no condition at all is excused: a scan
	 * of one of these with a filter still fails (it would mean an index is missing).
	 */
	static final Map<String, String> READ_WHOLE = Map.of(
			// The org tree: a bank has hundreds of units, read whole to resolve team paths and names (cached per
			// request); an index would be read whole too.
			"org_units", "the org tree, hundreds of units, read whole",
			// The tier models: a handful of versions (draft, active, retired); the active one is found among them.
			"tier_models", "a handful of tier model versions");

	/** A scan nobody excused: the read that caused it, and where its plan scans. */
	record Finding(String request, Query query, Scan scan) {

		@Override
		public String toString() {
			return this.request + ": " + this.query.name() + " on " + this.query.collection() + " scans "
					+ this.scan.collection() + " at " + this.scan.path() + " (" + this.scan.stage() + ")\n    "
					+ this.query.command().toJson();
		}

	}

	private ScanCheck() {
	}

	/**
	 * @param request names the request the reads came from, for the report
	 * @param reads the reads it sent
	 * @param store runs a command on the service's database and returns the answer
	 */
	static List<Finding> unexcusedScans(String request, List<Query> reads, Function<BsonDocument, Document> store) {
		List<Finding> findings = new ArrayList<>();
		for (Query read : reads) {
			Document explain = store.apply(read.explain());
			for (Scan scan : ExplainPlans.collectionScans(explain)) {
				if (!excused(read, scan)) {
					findings.add(new Finding(request, read, scan));
				}
			}
		}
		return findings;
	}

	/** The collection whose whole-scope aggregates may read it whole ({@link #wholeBookAggregate}). */
	static final String CLIENTS = "clients";

	/**
	 * A scan of a {@link #READ_WHOLE} collection by a read of it without any condition, or of {@code clients} by a
	 * {@link #wholeBookAggregate}.
	 */
	static boolean excused(Query read, Scan scan) {
		if (!read.collection().equals(scan.collection())) {
			return false;
		}
		return (READ_WHOLE.containsKey(read.collection()) && unconditional(read.command()))
				|| (CLIENTS.equals(read.collection()) && wholeBookAggregate(read.command()));
	}

	/**
	 * An aggregate over every client, which groups them before any limit: the portfolio aggregates, the migration
	 * matrix and the data quality report of a caller whose scope is the whole bank (a risk officer, a head-office
	 * analyst or branch manager). It reads every client by design, and reading every document is what a collection
	 * scan does best (an index would add a key read per document). The same aggregates of a scoped caller start with
	 * the scope's condition and are not excused, nor is a whole-bank page (it limits before reading everything).
	 */
	static boolean wholeBookAggregate(BsonDocument command) {
		if (!"aggregate".equals(command.getFirstKey()) || !unconditional(command)) {
			return false;
		}
		for (BsonValue stage : command.getArray("pipeline", new BsonArray())) {
			String name = stage.asDocument().getFirstKey();
			if (name.equals("$limit")) {
				return false;
			}
			if (name.equals("$group")) {
				return true;
			}
		}
		return false;
	}

	private static boolean unconditional(BsonDocument command) {
		return switch (command.getFirstKey()) {
			case "find" -> empty(command.get("filter"));
			case "count", "distinct" -> empty(command.get("query"));
			// An aggregate reads the collection whole unless it starts with a $match with conditions.
			case "aggregate" -> {
				BsonArray pipeline = command.getArray("pipeline", new BsonArray());
				yield pipeline.isEmpty() || !pipeline.get(0).asDocument().containsKey("$match")
						|| empty(pipeline.get(0).asDocument().get("$match"));
			}
			default -> false;
		};
	}

	private static boolean empty(BsonValue value) {
		return value == null || (value.isDocument() && value.asDocument().isEmpty());
	}

}
