package com.corpbank.portal.client;

import java.util.List;

import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The whole book's client ids, a chunk at a time in id order (keyset on {@code _id}, ids only), for work that walks
 * every client with memory flat in the book size: the re-tiering job and model calibration.
 */
@Component
public class ClientIdChunks {

	private final MongoTemplate mongoTemplate;

	ClientIdChunks(MongoTemplate mongoTemplate) {
		this.mongoTemplate = mongoTemplate;
	}

	/** Up to {@code size} ids after {@code last} (from the first when null), ascending; empty past the end. */
	public List<String> after(@Nullable String last, int size) {
		Query next = new Query().with(Sort.by("_id")).limit(size);
		if (last != null) {
			next.addCriteria(Criteria.where("_id").gt(last));
		}
		next.fields().include("_id");
		return this.mongoTemplate.find(next, Document.class, this.mongoTemplate.getCollectionName(Client.class))
			.stream()
			.map(document -> String.valueOf(document.get("_id")))
			.toList();
	}

}
