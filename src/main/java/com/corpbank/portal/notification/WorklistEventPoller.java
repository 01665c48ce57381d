package com.corpbank.portal.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reads the events every instance writes to {@code notifications} and hands the new ones to this instance's
 * {@link WorklistEventHub}. Each poll reads from {@code newest seen - overlap} in {@code (occurredAt, _id)} order, in
 * pages of {@code poll-limit}: an event stamped a little in the past by an instance whose clock runs behind still
 * falls into a later poll's window. Ids already handed over are remembered only while the window can still return
 * them (by their {@code occurredAt}), so memory is bounded by the events of one overlap window.
 */
@Component
class WorklistEventPoller {

	private static final Logger log = LoggerFactory.getLogger(WorklistEventPoller.class);

	/** At most this many pages per poll; the rest waits for the next poll. */
	private static final int MAX_PAGES = 20;

	private final MongoTemplate mongoTemplate;

	private final NotificationProperties properties;

	private final WorklistEventHub hub;

	/** The newest {@code occurredAt} read so far; starts at this instance's start (history is not replayed). */
	private Instant newestSeen;

	/** Ids handed over, with their {@code occurredAt}, while the poll window still reaches them. */
	private final Map<String, Instant> delivered = new HashMap<>();

	WorklistEventPoller(MongoTemplate mongoTemplate, NotificationProperties properties, WorklistEventHub hub,
			Clock clock) {
		this.mongoTemplate = mongoTemplate;
		this.properties = properties;
		this.hub = hub;
		this.newestSeen = clock.instant();
	}

	@Scheduled(fixedDelayString = "${portal.notifications.poll-interval:PT1S}")
	void onSchedule() {
		try {
			this.hub.deliver(poll());
		}
		catch (RuntimeException ex) {
			// A store hiccup: the window of the next poll still covers what this one missed.
			log.warn("Polling notifications failed, next try on schedule: {}", ex.getClass().getSimpleName());
		}
	}

	/** The events not handed over yet, oldest first, and remembers them as handed over. */
	synchronized List<WorklistEvent> poll() {
		Instant from = this.newestSeen.minus(this.properties.pollOverlap());
		List<WorklistEvent> fresh = new ArrayList<>();
		@Nullable WorklistEvent last = null;
		for (int page = 0; page < MAX_PAGES; page++) {
			List<WorklistEvent> read = this.mongoTemplate.find(pageAfter(from, last), WorklistEvent.class);
			for (WorklistEvent event : read) {
				if (this.delivered.putIfAbsent(event.id(), event.occurredAt()) == null) {
					fresh.add(event);
				}
				if (event.occurredAt().isAfter(this.newestSeen)) {
					this.newestSeen = event.occurredAt();
				}
				last = event;
			}
			if (read.size() < this.properties.pollLimit()) {
				break;
			}
		}
		Instant horizon = this.newestSeen.minus(this.properties.pollOverlap());
		this.delivered.values().removeIf(occurredAt -> occurredAt.isBefore(horizon));
		return fresh;
	}

	/** How many ids are remembered (for tests of the bound). */
	synchronized int remembered() {
		return this.delivered.size();
	}

	private Query pageAfter(Instant from, @Nullable WorklistEvent last) {
		Criteria criteria = Criteria.where("occurredAt").gte(from);
		if (last != null) {
			criteria = new Criteria().andOperator(criteria,
					new Criteria().orOperator(Criteria.where("occurredAt").gt(last.occurredAt()),
							Criteria.where("occurredAt").is(last.occurredAt()).and("_id").gt(last.id())));
		}
		return new Query(criteria).with(Sort.by("occurredAt", "_id")).limit(this.properties.pollLimit());
	}

}
