package com.corpbank.portal.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import com.corpbank.portal.security.Caller;
import com.corpbank.portal.security.Role;
import com.corpbank.portal.support.ClientBookFixture;
import com.corpbank.portal.support.PortalTest;
import com.corpbank.portal.support.TestIdentityProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import reactor.core.publisher.BaseSubscriber;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A subscriber that reads nothing (a stalled client) holds at most {@link WorklistEventHub#BUFFER} events in this
 * instance's memory; the rest are dropped for it alone (the worklist query stays the state), and others still get
 * every event.
 */
@PortalTest
class WorklistEventBufferTests {

	@Autowired
	MongoTemplate mongoTemplate;

	@Autowired
	WorklistEventHub hub;

	@BeforeEach
	void book() {
		new ClientBookFixture(this.mongoTemplate).load();
	}

	@Test
	void aStalledSubscriberKeepsAtMostTheBufferAndAReadingOneGetsEverything() {
		Caller rmLi = new Caller(TestIdentityProvider.subjectOf("rm_li"), "rm_li", "李明", Set.of(Role.RM), "SH-PD-T1");
		Stalled stalled = new Stalled();
		List<WorklistEvent> read = new ArrayList<>();
		this.hub.subscribe(rmLi).subscribe(stalled);
		var reading = this.hub.subscribe(rmLi).subscribe(read::add);
		try {
			int sent = WorklistEventHub.BUFFER * 3;
			Instant now = Instant.now();
			this.hub.deliver(IntStream.range(0, sent)
				.mapToObj(i -> new WorklistEvent("E-" + i, WorklistEventKind.COMPLAINT_ASSIGNED, "C-LI-1", "CP-" + i,
						"rm_li", null, now))
				.toList());

			assertThat(read).hasSize(sent);
			stalled.request(Long.MAX_VALUE);
			assertThat(stalled.received).hasSize(WorklistEventHub.BUFFER);
			assertThat(stalled.received.get(0).id()).isEqualTo("E-0");
		}
		finally {
			stalled.dispose();
			reading.dispose();
		}
	}

	/** Requests nothing until told to. */
	private static final class Stalled extends BaseSubscriber<WorklistEvent> {

		final List<WorklistEvent> received = new ArrayList<>();

		@Override
		protected void hookOnSubscribe(Subscription subscription) {
		}

		@Override
		protected void hookOnNext(WorklistEvent event) {
			this.received.add(event);
		}

	}

}
