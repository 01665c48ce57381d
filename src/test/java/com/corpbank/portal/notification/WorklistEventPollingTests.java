package com.corpbank.portal.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import com.corpbank.portal.support.ClientBookFixture;
import com.corpbank.portal.support.PortalTest;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The poll behind the subscription and the follow-up-due scanner, on the store, with pollers and scanners of their
 * own (the context's scheduled ones keep running and do not share their state).
 */
@PortalTest
class WorklistEventPollingTests {

	private static final ZoneId BANK_ZONE = ZoneId.of("Asia/Shanghai");

	@Autowired
	MongoTemplate mongoTemplate;

	@Autowired
	WorklistEvents events;

	@Autowired
	WorklistEventHub hub;

	@BeforeEach
	void emptyNotifications() {
		new ClientBookFixture(this.mongoTemplate).load();
		this.mongoTemplate.remove(new Query(), WorklistEvent.class);
	}

	@Test
	void aPollHandsEachEventOverOnceAndStillFindsOneWrittenLateByAnInstanceWhoseClockRunsBehind() {
		Instant now = Instant.now();
		WorklistEventPoller poller = poller(Duration.ofSeconds(30), 500, now.minusSeconds(60));
		this.events.publish(event("E-1", now));
		this.events.publish(event("E-2", now.plusMillis(5)));

		assertThat(ids(poller.poll())).containsExactly("E-1", "E-2");
		assertThat(poller.poll()).as("the overlap reads them again; the dedupe drops them").isEmpty();

		// Written after the poll, stamped 10 s earlier than the newest event seen: a writer whose clock is behind.
		this.events.publish(event("E-LATE", now.minusSeconds(10)));
		this.events.publish(event("E-3", now.plusMillis(10)));
		assertThat(ids(poller.poll())).containsExactly("E-LATE", "E-3");
		assertThat(poller.poll()).isEmpty();
	}

	@Test
	void anEventStampedBeforeTheOverlapWindowIsNotDeliveredSoTheWindowMustCoverTheClockSkew() {
		Instant now = Instant.now();
		WorklistEventPoller poller = poller(Duration.ofSeconds(5), 500, now.minusSeconds(60));
		this.events.publish(event("E-1", now));
		assertThat(ids(poller.poll())).containsExactly("E-1");

		this.events.publish(event("E-TOO-LATE", now.minusSeconds(10)));
		this.events.publish(event("E-IN-WINDOW", now.minusSeconds(4)));

		assertThat(ids(poller.poll())).containsExactly("E-IN-WINDOW");
	}

	@Test
	void theDedupeRemembersOnlyTheIdsTheWindowCanStillReturn() {
		Instant now = Instant.now();
		WorklistEventPoller poller = poller(Duration.ofSeconds(5), 500, now.minusSeconds(60));
		for (int i = 0; i < 20; i++) {
			this.events.publish(event("OLD-" + i, now.minusSeconds(30).plusMillis(i)));
		}
		assertThat(poller.poll()).hasSize(20);
		assertThat(poller.remembered()).isEqualTo(20);

		this.events.publish(event("NEW", now));
		assertThat(ids(poller.poll())).containsExactly("NEW");

		assertThat(poller.remembered()).as("the 20 old ids fell out of the window").isEqualTo(1);
		assertThat(poller.poll()).isEmpty();
	}

	@Test
	void morePendingEventsThanOnePageAreReadInPagesWithinOnePoll() {
		Instant now = Instant.now();
		WorklistEventPoller poller = poller(Duration.ofSeconds(30), 3, now.minusSeconds(60));
		for (int i = 0; i < 8; i++) {
			// Pairs with the same instant: the page boundary is by (occurredAt, _id).
			this.events.publish(event("E-" + i, now.plusMillis(i / 2)));
		}

		assertThat(ids(poller.poll())).containsExactly("E-0", "E-1", "E-2", "E-3", "E-4", "E-5", "E-6", "E-7");
		assertThat(poller.poll()).isEmpty();
	}

	@Test
	void theFollowUpDueScannerWritesTodaysDueFollowUpOnceWhateverTheNumberOfScansAndInstances() {
		LocalDate today = LocalDate.now(BANK_ZONE);
		setFollowUp("C-LI-1", today, "rm_li");
		setFollowUp("C-ZHANG-1", today.plusDays(1), "rm_zhang");
		setFollowUp("C-WANG-1", today.minusDays(1), "rm_wang");
		FollowUpDueScanner one = new FollowUpDueScanner(this.mongoTemplate, this.events, Clock.systemUTC());
		FollowUpDueScanner two = new FollowUpDueScanner(this.mongoTemplate, this.events, Clock.systemUTC());

		assertThat(one.scan()).isEqualTo(1);
		assertThat(two.scan()).as("another instance's scan").isZero();
		assertThat(one.scan()).as("the next scan").isZero();

		assertThat(this.mongoTemplate.find(new Query(), WorklistEvent.class)).singleElement().satisfies(event -> {
			assertThat(event.id()).isEqualTo("FU-DUE:C-LI-1:" + today);
			assertThat(event.kind()).isEqualTo(WorklistEventKind.FOLLOW_UP_DUE);
			assertThat(event.rmUsername()).isEqualTo("rm_li");
			assertThat(event.dueOn()).isEqualTo(today);
		});
	}

	@Test
	void eventsOlderThanTheRetentionAreDeleted() {
		Instant now = Instant.now();
		this.events.publish(event("E-OLD", now.minus(Duration.ofDays(3))));
		this.events.publish(event("E-NEW", now));

		assertThat(this.events.expireOld()).isEqualTo(1);

		assertThat(this.mongoTemplate.findAll(Document.class, WorklistEvent.COLLECTION))
			.extracting(document -> document.getString("_id"))
			.containsExactly("E-NEW");
	}

	private WorklistEventPoller poller(Duration overlap, int limit, Instant start) {
		NotificationProperties properties = new NotificationProperties(Duration.ofSeconds(1), overlap, limit,
				Duration.ofDays(2), Duration.ofMinutes(10), 5);
		return new WorklistEventPoller(this.mongoTemplate, properties, this.hub,
				Clock.fixed(start.plus(overlap), BANK_ZONE));
	}

	private void setFollowUp(String clientId, LocalDate dueOn, String rm) {
		this.mongoTemplate.updateFirst(new Query(Criteria.where("_id").is(clientId)),
				new Update().set("followUp.dueOn", dueOn).set("followUp.rmUsername", rm), "clients");
	}

	private static WorklistEvent event(String id, Instant at) {
		return new WorklistEvent(id, WorklistEventKind.COMPLAINT_ASSIGNED, "C-LI-1", "CP-" + id, "rm_li", null, at);
	}

	private static List<String> ids(List<WorklistEvent> events) {
		return events.stream().map(WorklistEvent::id).toList();
	}

}
