package com.corpbank.portal.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.MongoWriteException;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Moves the records a write left in a document's {@value #PENDING_FIELD} list (audit events, history entries) to
 * their own collections. Each move is an insert under the record's own id, then a {@code $pull} of the entry: a
 * move interrupted after the insert is finished by the next one, whose insert meets the duplicate key and moves on.
 * Runs right after each write, at start-up before the web server listens (the recovery sweep), and on a schedule, so
 * a record left behind by a crash or a store hiccup always arrives, exactly once (see {@link RecoverySweeps}).
 */
@Component
// First of the sweeps: the others may write audited changes, whose records this one then moves at once anyway.
@Order(Ordered.HIGHEST_PRECEDENCE)
public class OutboxRelay implements RecoverySweep {

	/** The field of an audited document that holds its records on their way out. */
	public static final String PENDING_FIELD = "pendingOutbox";

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private final MongoTemplate mongoTemplate;

	private final Set<String> indexedCollections = ConcurrentHashMap.newKeySet();

	OutboxRelay(MongoTemplate mongoTemplate) {
		this.mongoTemplate = mongoTemplate;
	}

	/**
	 * Moves one document's pending records. A failure leaves them where they are (the change and its event are
	 * already safe together) for the sweep; the write that called this still succeeded.
	 */
	public void flush(String collection, Object id) {
		try {
			Document document = this.mongoTemplate.findOne(
					new Query(Criteria.where("_id").is(id)).limit(1), Document.class, collection);
			if (document != null) {
				move(collection, document);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Audit records of {} {} stay pending for the next sweep: {}", collection, id,
					ex.getClass().getSimpleName());
		}
	}

	/**
	 * Moves the pending records of many documents of one collection in a few commands: one read, one unordered
	 * insert per target collection (a record already moved meets its duplicate key and is skipped), and one update
	 * that pulls every moved entry. What fails stays pending for the sweep, as with {@link #flush}.
	 */
	public void flushAll(String collection, Collection<?> ids) {
		if (ids.isEmpty()) {
			return;
		}
		try {
			// By _id alone (documents without pending records simply yield none): the embedded store serves only a
			// query whose fields are exactly an index's, so a second condition would scan the collection per batch.
			Query query = new Query(Criteria.where("_id").in(ids));
			query.fields().include(PENDING_FIELD);
			Map<String, List<Document>> byTarget = new LinkedHashMap<>();
			List<Object> entryIds = new ArrayList<>();
			for (Document document : this.mongoTemplate.find(query, Document.class, collection)) {
				for (Document entry : document.getList(PENDING_FIELD, Document.class, List.of())) {
					byTarget.computeIfAbsent(entry.getString("collection"), target -> new ArrayList<>())
						.add(entry.get("document", Document.class));
					entryIds.add(entry.get("_id"));
				}
			}
			for (Map.Entry<String, List<Document>> target : byTarget.entrySet()) {
				insertIgnoringDuplicates(target.getKey(), target.getValue());
			}
			if (!entryIds.isEmpty()) {
				this.mongoTemplate.updateMulti(new Query(Criteria.where("_id").in(ids)),
						new Update().pull(PENDING_FIELD, new Document("_id", new Document("$in", entryIds))), collection);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Audit records of {} {} documents stay pending for the next sweep: {}", ids.size(), collection,
					ex.getClass().getSimpleName());
		}
	}

	private void insertIgnoringDuplicates(String collection, List<Document> records) {
		try {
			this.mongoTemplate.getCollection(collection).insertMany(records, new InsertManyOptions().ordered(false));
		}
		catch (MongoBulkWriteException ex) {
			for (BulkWriteError error : ex.getWriteErrors()) {
				if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
					throw ex;
				}
			}
		}
	}

	/**
	 * A sparse index on the pending entries' ids, so that on real MongoDB a sweep reads only the documents with
	 * something pending instead of scanning every collection (the embedded store ignores non-unique indexes and
	 * scans). Created once per collection and process; createIndex is idempotent.
	 */
	private void ensurePendingIndex(String collection) {
		if (this.indexedCollections.add(collection)) {
			this.mongoTemplate.indexOps(collection)
				.createIndex(new Index(PENDING_FIELD + "._id", Sort.Direction.ASC).sparse().named("pending_outbox"));
		}
	}

	/** Moves every pending record of every collection; returns how many it moved. */
	@Override
	public int sweep() {
		int moved = 0;
		for (String collection : this.mongoTemplate.getCollectionNames()) {
			if (collection.startsWith("system.")) {
				continue;
			}
			ensurePendingIndex(collection);
			Query pending = new Query(Criteria.where(PENDING_FIELD + "._id").exists(true));
			pending.fields().include(PENDING_FIELD);
			for (Document document : this.mongoTemplate.find(pending, Document.class, collection)) {
				moved += move(collection, document);
			}
		}
		return moved;
	}

	@Override
	public String finishes() {
		return "audit records";
	}

	private int move(String collection, Document document) {
		List<Document> entries = document.getList(PENDING_FIELD, Document.class, List.of());
		for (Document entry : entries) {
			Document record = entry.get("document", Document.class);
			try {
				this.mongoTemplate.getCollection(entry.getString("collection")).insertOne(record);
			}
			catch (MongoWriteException ex) {
				if (ex.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
					throw ex;
				}
				// Moved before, by an interrupted run or another instance: only the pull is left to do.
			}
			this.mongoTemplate.updateFirst(new Query(Criteria.where("_id").is(document.get("_id"))),
					new Update().pull(PENDING_FIELD, new Document("_id", entry.get("_id"))), collection);
		}
		return entries.size();
	}

}
