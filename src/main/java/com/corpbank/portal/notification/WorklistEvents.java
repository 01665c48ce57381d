package com.corpbank.portal.notification;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The producers' door to live notifications where no audited write carries the event (an audited write attaches a
 * {@link WorklistEvent} as a related record instead). Inserts are idempotent by the event's id: the same fact
 * published by two instances, or twice by one, is stored once. Also expires old events on a schedule (the embedded
 * store has no TTL expiry; on real MongoDB the TTL index of {@link NotificationIndexes} does it too).
 */
@Service
public class WorklistEvents {

	private final MongoTemplate mongoTemplate;

	private final NotificationProperties properties;

	private final Clock clock;

	WorklistEvents(MongoTemplate mongoTemplate, NotificationProperties properties, Clock clock) {
		this.mongoTemplate = mongoTemplate;
		this.properties = properties;
		this.clock = clock;
	}

	/** Stores the event unless one with its id exists; true when this call stored it. */
	public boolean publish(WorklistEvent event) {
		return publishAll(List.of(event)) == 1;
	}

	/** Stores the events in one unordered insert, skipping those already stored; returns how many this call stored. */
	public int publishAll(List<WorklistEvent> events) {
		if (events.isEmpty()) {
			return 0;
		}
		List<Document> documents = new ArrayList<>();
		for (WorklistEvent event : events) {
			Document document = new Document();
			this.mongoTemplate.getConverter().write(event, document);
			documents.add(document);
		}
		try {
			return this.mongoTemplate.getCollection(WorklistEvent.COLLECTION)
				.insertMany(documents, new InsertManyOptions().ordered(false))
				.getInsertedIds()
				.size();
		}
		catch (MongoBulkWriteException ex) {
			for (BulkWriteError error : ex.getWriteErrors()) {
				if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
					throw ex;
				}
			}
			// Unordered: every event but the refused ones was stored.
			return documents.size() - ex.getWriteErrors().size();
		}
	}

	/** Deletes the events older than the retention; returns how many. */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
	public long expireOld() {
		return this.mongoTemplate
			.remove(new Query(Criteria.where("occurredAt").lt(this.clock.instant().minus(this.properties.retention()))),
					WorklistEvent.class)
			.getDeletedCount();
	}

}
