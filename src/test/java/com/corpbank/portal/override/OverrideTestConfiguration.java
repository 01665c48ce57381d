package com.corpbank.portal.override;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The override tests' world: today is {@link #TODAY} in Beijing (a fixed clock, never the wall clock), and a
 * stand-in for the tier evaluation that records each {@link TierOverrideDecided} with the override's status as the
 * store shows it at that moment (so a test proves the event comes after the write).
 */
@TestConfiguration(proxyBeanMethods = false)
class OverrideTestConfiguration {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

	@Bean
	@Primary
	Clock overrideTestClock() {
		// 10:00 in Beijing on TODAY.
		return Clock.fixed(Instant.parse("2026-11-20T02:00:00Z"), ZoneId.of("UTC"));
	}

	@Bean
	DecidedEvents decidedEvents(MongoTemplate mongoTemplate) {
		return new DecidedEvents(mongoTemplate);
	}

	/** What the stand-in listener saw: the client, and its overrides' statuses when the event arrived. */
	static class DecidedEvents {

		record Seen(String clientId, List<TierOverrideStatus> statuses) {
		}

		private final MongoTemplate mongoTemplate;

		private final List<Seen> seen = new CopyOnWriteArrayList<>();

		DecidedEvents(MongoTemplate mongoTemplate) {
			this.mongoTemplate = mongoTemplate;
		}

		@EventListener
		void on(TierOverrideDecided event) {
			List<TierOverrideStatus> statuses = this.mongoTemplate
				.find(new Query(Criteria.where("clientId").is(event.clientId())), TierOverride.class)
				.stream()
				.map(TierOverride::status)
				.toList();
			this.seen.add(new Seen(event.clientId(), statuses));
		}

		List<Seen> seen() {
			return List.copyOf(this.seen);
		}

		void clear() {
			this.seen.clear();
		}

	}

}
