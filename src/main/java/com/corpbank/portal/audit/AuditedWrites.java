package com.corpbank.portal.audit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.corpbank.portal.write.MutationRejected;
import com.corpbank.portal.write.UserError;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.BasicQuery;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The one way an audited entity is written. Each method is a single-document atomic write that applies the change,
 * moves the version on, and stores the change's {@link AuditEvent} (plus any history record that belongs to it) in
 * the document's {@value OutboxRelay#PENDING_FIELD} list; the {@link OutboxRelay} then moves those records to their
 * collections. So, without transactions:
 * <ul>
 * <li>a change is never visible without its event: both arrive in the same write;</li>
 * <li>an event never exists for a change that did not happen: a rejected or failed write writes neither;</li>
 * <li>an event is never lost or doubled: it stays in the document until it is in its collection, and moving it
 * again is a no-op (its id is the audit document's {@code _id}).</li>
 * </ul>
 * Optimistic locking is part of the same write: the update matches {@code version = expectedVersion}; a stale
 * version is a {@code CONFLICT} that names the current one.
 */
@Service
public class AuditedWrites {

	private final MongoTemplate mongoTemplate;

	private final OutboxRelay relay;

	AuditedWrites(MongoTemplate mongoTemplate, OutboxRelay relay) {
		this.mongoTemplate = mongoTemplate;
		this.relay = relay;
	}

	/**
	 * Inserts a new entity (its version should be 0) with its creation event.
	 * @throws org.springframework.dao.DuplicateKeyException when a unique index refuses it (nothing is written)
	 */
	public <T> T insert(T entity, AuditEvent event, Object... related) {
		String collection = this.mongoTemplate.getCollectionName(entity.getClass());
		Document document = new Document();
		this.mongoTemplate.getConverter().write(entity, document);
		document.put(OutboxRelay.PENDING_FIELD, pending(event, related));
		try {
			this.mongoTemplate.getCollection(collection).insertOne(document);
		}
		catch (RuntimeException ex) {
			// The raw collection bypasses MongoTemplate's translation: without it a unique index's refusal reaches
			// the feature as the driver's MongoWriteException instead of the DuplicateKeyException it maps to DUPLICATE.
			RuntimeException translated = this.mongoTemplate.getExceptionTranslator().translateExceptionIfPossible(ex);
			throw (translated != null) ? translated : ex;
		}
		this.relay.flush(collection, document.get("_id"));
		@SuppressWarnings("unchecked")
		T written = (T) this.mongoTemplate.getConverter().read(entity.getClass(), document);
		return written;
	}

	/**
	 * Applies {@code update} to the one document that {@code match} selects (its id, and the caller's scope where
	 * there is one) when its version is {@code expectedVersion}; increments the version.
	 * @param match the id and scope criteria; a document they do not select is NOT_FOUND whatever its version
	 * @param target what the update is aimed at, for its NOT_FOUND and CONFLICT errors
	 * @return the document after the change
	 * @throws MutationRejected NOT_FOUND or CONFLICT; nothing was written
	 */
	public <T> T update(Class<T> type, Criteria match, long expectedVersion, Update update, WriteTarget target,
			AuditEvent event, Object... related) {
		// A document seeded before it had a version counts as version 0.
		Criteria version = (expectedVersion == 0) ? Criteria.where("version").in(0L, null)
				: Criteria.where("version").is(expectedVersion);
		Query query = new Query(new Criteria().andOperator(match, version));
		update.inc("version", 1);
		update.push(OutboxRelay.PENDING_FIELD).each(pending(event, related).toArray());
		T written = this.mongoTemplate.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true),
				type);
		if (written == null) {
			Document current = this.mongoTemplate.findOne(new Query(match).limit(1), Document.class,
					this.mongoTemplate.getCollectionName(type));
			if (current == null) {
				throw new MutationRejected(UserError.notFound(target.idField(), target.what()));
			}
			throw new MutationRejected(UserError.conflict(target.versionField(), versionOf(current)));
		}
		Document id = new Document();
		this.mongoTemplate.getConverter().write(written, id);
		this.relay.flush(this.mongoTemplate.getCollectionName(type), id.get("_id"));
		return written;
	}

	/**
	 * One change of a batch of {@link #updateEach}: like {@link #update}, the document {@code match} selects at
	 * {@code expectedVersion} gets {@code update}, a version increment and its event.
	 */
	public record Change(Object id, Criteria match, long expectedVersion, Update update, AuditEvent event,
			List<Object> related) {
	}

	/**
	 * Applies many changes to documents of one type in one unordered bulk write (each change is still one atomic
	 * single-document write carrying its own event), then moves their audit records in a few commands.
	 *
	 * <p>Each write selects {@code {_id: id, version: expectedVersion}} as one flat filter (when {@code match} is a
	 * plain id), which MongoDB serves from {@code _id} and the embedded store from a unique {@code (_id, version)}
	 * index (it serves only a filter whose fields are exactly an index's; see {@code ClientIndexes}). A document
	 * seeded without a version counts as version 0: the changes at 0 that found no document at 0 are tried once
	 * more against a missing version, in a second bulk write.
	 * @return the ids of the documents changed; a change whose document was missing or at another version is left
	 * out (nothing was written for it)
	 */
	public Set<Object> updateEach(Class<?> type, List<Change> changes) {
		if (changes.isEmpty()) {
			return Set.of();
		}
		String collection = this.mongoTemplate.getCollectionName(type);
		for (Change change : changes) {
			change.update().inc("version", 1);
			change.update()
				.push(OutboxRelay.PENDING_FIELD)
				.each(pending(change.event(), change.related().toArray()).toArray());
		}
		Set<Object> changed = bulkUpdate(collection, changes, false);
		List<Change> unversioned = changes.stream()
			.filter(change -> change.expectedVersion() == 0 && !changed.contains(change.id()))
			.toList();
		changed.addAll(bulkUpdate(collection, unversioned, true));
		this.relay.flushAll(collection, changed);
		return changed;
	}

	private Set<Object> bulkUpdate(String collection, List<Change> changes, boolean versionMissing) {
		if (changes.isEmpty()) {
			return new LinkedHashSet<>();
		}
		BulkOperations bulk = this.mongoTemplate.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
		for (Change change : changes) {
			bulk.updateOne(atVersion(change.match(), versionMissing ? null : change.expectedVersion()),
					change.update());
		}
		int matched = bulk.execute().getMatchedCount();
		Set<Object> changed = new LinkedHashSet<>();
		if (matched == changes.size()) {
			changes.forEach(change -> changed.add(change.id()));
		}
		else {
			changed.addAll(changedAmong(collection, changes));
		}
		return changed;
	}

	/** {@code match} and {@code version = expected} (null: no version), flat when {@code match} has no version. */
	private static Query atVersion(Criteria match, @Nullable Long expected) {
		Document filter = new Document(match.getCriteriaObject());
		if (filter.containsKey("version") || filter.keySet().stream().anyMatch(key -> key.startsWith("$"))) {
			return new Query(new Criteria().andOperator(match, Criteria.where("version").is(expected)));
		}
		filter.put("version", expected);
		return new BasicQuery(filter);
	}

	// A document changed when its event is pending on it, or already moved (another write flushed it meanwhile).
	private Set<Object> changedAmong(String collection, List<Change> changes) {
		List<String> eventIds = changes.stream().map(change -> change.event().id()).toList();
		Set<String> written = new HashSet<>();
		Query pending = new Query(Criteria.where(OutboxRelay.PENDING_FIELD + "._id").in(eventIds));
		pending.fields().include(OutboxRelay.PENDING_FIELD + "._id");
		for (Document document : this.mongoTemplate.find(pending, Document.class, collection)) {
			for (Document entry : document.getList(OutboxRelay.PENDING_FIELD, Document.class, List.of())) {
				written.add(String.valueOf(entry.get("_id")));
			}
		}
		Query moved = new Query(Criteria.where("_id").in(eventIds));
		moved.fields().include("_id");
		for (Document event : this.mongoTemplate.find(moved, Document.class, "audit_events")) {
			written.add(String.valueOf(event.get("_id")));
		}
		Set<Object> changed = new LinkedHashSet<>();
		for (Change change : changes) {
			if (written.contains(change.event().id())) {
				changed.add(change.id());
			}
		}
		return changed;
	}

	/** An event that changes no entity (a reveal of personal data): one insert, nothing to move. */
	public void record(AuditEvent event) {
		this.mongoTemplate.insert(event);
	}

	/** The version of a stored document; a document written before versions existed is at 0. */
	public static long versionOf(Document document) {
		Object version = document.get("version");
		return (version instanceof Number number) ? number.longValue() : 0;
	}

	private List<Document> pending(AuditEvent event, Object... related) {
		List<Document> pending = new ArrayList<>();
		pending.add(outboxEntry(event));
		for (Object record : related) {
			pending.add(outboxEntry(record));
		}
		return pending;
	}

	private Document outboxEntry(Object record) {
		Document content = new Document();
		this.mongoTemplate.getConverter().write(record, content);
		Object id = content.get("_id");
		if (id == null) {
			throw new IllegalArgumentException("a record moved through the outbox needs its id set: " + record);
		}
		return new Document("_id", id).append("collection", this.mongoTemplate.getCollectionName(record.getClass()))
			.append("document", content);
	}

}
