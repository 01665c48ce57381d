package com.corpbank.portal.store.explain;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * Records the reads the service sends (find, aggregate, count, distinct) while switched on, so a test can re-send
 * each as an {@code explain}. Added to the service's driver as a second command listener; commands from the
 * scheduler threads (background polls and sweeps) are left out, as in {@code support.MongoCommandCounter}.
 */
public class CapturedQueries implements CommandListener {

	static final Set<String> READS = Set.of("find", "aggregate", "count", "distinct");

	/**
	 * Fields of a sent command that belong to its session or transport, not to the query: an explain of the same query
	 * must leave them out (explain refuses some of them inside the explained command).
	 */
	static final Set<String> TRANSPORT_FIELDS = Set.of("$db", "lsid", "$clusterTime", "$readPreference", "txnNumber",
			"autocommit", "startTransaction", "readConcern", "writeConcern", "apiVersion", "apiStrict",
			"apiDeprecationErrors", "maxTimeMS", "$audit", "comment");

	private static final String SCHEDULER_THREADS = "scheduling-";

	/** One read as sent: the command's name, the collection it reads and the command itself. */
	public record Query(String name, String collection, BsonDocument command) {

		/** The {@code explain} of this read at {@code queryPlanner} verbosity (plans only, nothing executed). */
		public BsonDocument explain() {
			BsonDocument explained = new BsonDocument();
			this.command.forEach((key, value) -> {
				if (!TRANSPORT_FIELDS.contains(key)) {
					explained.put(key, value);
				}
			});
			return new BsonDocument("explain", explained).append("verbosity", new BsonString("queryPlanner"));
		}

	}

	private final List<Query> queries = new CopyOnWriteArrayList<>();

	private volatile boolean capturing;

	public void start() {
		this.queries.clear();
		this.capturing = true;
	}

	/** @return the reads sent since {@link #start()} */
	public List<Query> stop() {
		this.capturing = false;
		return List.copyOf(this.queries);
	}

	@Override
	public void commandStarted(CommandStartedEvent event) {
		if (!this.capturing || !READS.contains(event.getCommandName())
				|| Thread.currentThread().getName().startsWith(SCHEDULER_THREADS)) {
			return;
		}
		BsonValue target = event.getCommand().get(event.getCommandName());
		if (target == null || !target.isString()) {
			// An aggregate on the database (e.g. $currentOp) reads no collection.
			return;
		}
		// The event's document is only valid during the callback: keep a copy.
		this.queries.add(new Query(event.getCommandName(), target.asString().getValue(), event.getCommand().clone()));
	}

}
