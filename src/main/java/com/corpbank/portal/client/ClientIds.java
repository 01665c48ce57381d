package com.corpbank.portal.client;

import java.util.regex.Pattern;

import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * New client ids in the seed's style, {@code C} and six (or more) digits: C000337 follows the demo book's C000336.
 * A counter document in {@value #COLLECTION} is moved on atomically ({@code $inc} in one findAndModify), so two
 * concurrent creations never get the same number. A store without the counter starts it above the highest
 * {@code C}+six-digit id already on file ({@code $max} upsert: idempotent when two requests start it at once).
 * An id can still be taken by a client written another way; the insert then fails on {@code _id} and the caller
 * asks for the next one.
 */
@Component
class ClientIds {

	static final String COLLECTION = "sequences";

	private static final String COUNTER = "clients";

	private static final Pattern SEED_STYLE = Pattern.compile("^C\\d{6}$");

	private final MongoTemplate mongoTemplate;

	ClientIds(MongoTemplate mongoTemplate) {
		this.mongoTemplate = mongoTemplate;
	}

	String next() {
		Document counter = increment();
		if (counter == null) {
			start();
			counter = increment();
		}
		if (counter == null) {
			throw new IllegalStateException("the client id counter could not be started");
		}
		return "C%06d".formatted(((Number) counter.get("value")).longValue());
	}

	private @Nullable Document increment() {
		return this.mongoTemplate.findAndModify(new Query(Criteria.where("_id").is(COUNTER)),
				new Update().inc("value", 1L), FindAndModifyOptions.options().returnNew(true), Document.class,
				COLLECTION);
	}

	private void start() {
		Query highest = new Query(Criteria.where("_id").regex(SEED_STYLE)).with(Sort.by(Sort.Direction.DESC, "_id"))
			.limit(1);
		highest.fields().include("_id");
		Document last = this.mongoTemplate.findOne(highest, Document.class, this.mongoTemplate.getCollectionName(Client.class));
		long start = (last != null) ? Long.parseLong(((String) last.get("_id")).substring(1)) : 0;
		try {
			this.mongoTemplate.upsert(new Query(Criteria.where("_id").is(COUNTER)), new Update().max("value", start),
					COLLECTION);
		}
		catch (DuplicateKeyException raceLost) {
			// Another request created the counter between our find and upsert: it is there, which is all we need.
		}
	}

}
