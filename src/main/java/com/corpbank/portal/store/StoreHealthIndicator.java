package com.corpbank.portal.store;

import org.bson.Document;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Store health by {@code ping}, which both the embedded store and MongoDB answer (Boot's own check sends
 * {@code hello}, which the embedded store does not know).
 */
@Component("store")
class StoreHealthIndicator implements HealthIndicator {

	private final MongoTemplate mongoTemplate;

	StoreHealthIndicator(MongoTemplate mongoTemplate) {
		this.mongoTemplate = mongoTemplate;
	}

	@Override
	public Health health() {
		try {
			Document reply = this.mongoTemplate.executeCommand(new Document("ping", 1));
			return (reply.get("ok") instanceof Number ok && ok.doubleValue() == 1.0) ? Health.up().build()
					: Health.down().build();
		}
		catch (RuntimeException ex) {
			return Health.down().withException(ex).build();
		}
	}

}
