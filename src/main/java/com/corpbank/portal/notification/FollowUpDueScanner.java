package com.corpbank.portal.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.corpbank.portal.BankTime;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Writes a {@link WorklistEventKind#FOLLOW_UP_DUE} event for every client whose follow-up ({@code followUp.dueOn})
 * is due today, Beijing date. Every instance scans on its own schedule; the event's id
 * ({@code FU-DUE:<clientId>:<dueOn>}) makes the second and later writes of the same fact no-ops, so no lease is
 * needed and a scan repeated after a restart writes nothing new.
 */
@Component
class FollowUpDueScanner {

	private static final Logger log = LoggerFactory.getLogger(FollowUpDueScanner.class);

	private final MongoTemplate mongoTemplate;

	private final WorklistEvents events;

	private final Clock clock;

	FollowUpDueScanner(MongoTemplate mongoTemplate, WorklistEvents events, Clock clock) {
		this.mongoTemplate = mongoTemplate;
		this.events = events;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${portal.notifications.follow-up-scan-interval:PT10M}",
			initialDelayString = "PT30S")
	void onSchedule() {
		try {
			scan();
		}
		catch (RuntimeException ex) {
			log.warn("Follow-up-due scan failed, next try on schedule: {}", ex.getClass().getSimpleName());
		}
	}

	/** Writes the events of today's due follow-ups not written yet; returns how many this scan wrote. */
	int scan() {
		Instant now = this.clock.instant();
		LocalDate today = LocalDate.ofInstant(now, BankTime.ZONE);
		Query due = new Query(Criteria.where("followUp.dueOn").is(today));
		due.fields().include("_id", "followUp.rmUsername");
		List<WorklistEvent> found = new ArrayList<>();
		for (Document client : this.mongoTemplate.find(due, Document.class, "clients")) {
			Document followUp = client.get("followUp", Document.class);
			String rm = (followUp != null) ? followUp.getString("rmUsername") : null;
			if (rm != null) {
				found.add(WorklistEvent.followUpDue(client.getString("_id"), rm, today, now));
			}
		}
		return this.events.publishAll(found);
	}

}
