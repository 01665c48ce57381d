package com.corpbank.portal.metrics;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

/** The newest month of figures of many clients at once (callers batch); what tiering and churn checks read. */
@Service
public class LatestRelationshipMetrics {

	private final MongoTemplate mongoTemplate;

	LatestRelationshipMetrics(MongoTemplate mongoTemplate) {
		this.mongoTemplate = mongoTemplate;
	}

	/**
	 * The newest month of each given client, in one aggregation. The ids must come from a scoped client query:
	 * figures carry no scope of their own.
	 */
	public Map<String, RelationshipMetrics> byClientId(Collection<String> clientIds) {
		Map<String, RelationshipMetrics> latest = new HashMap<>();
		if (clientIds.isEmpty()) {
			return latest;
		}
		Aggregation aggregation = Aggregation.newAggregation(
				Aggregation.match(Criteria.where("clientId").in(clientIds)),
				Aggregation.sort(Sort.by(Sort.Direction.DESC, "monthStart")),
				Aggregation.group("clientId").first(Aggregation.ROOT).as("latest"));
		for (Document group : this.mongoTemplate.aggregate(aggregation, "relationship_metrics", Document.class)) {
			RelationshipMetrics metrics = this.mongoTemplate.getConverter()
				.read(RelationshipMetrics.class, group.get("latest", Document.class));
			latest.put(metrics.clientId(), metrics);
		}
		return latest;
	}

}
