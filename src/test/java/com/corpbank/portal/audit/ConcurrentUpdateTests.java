package com.corpbank.portal.audit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.corpbank.portal.support.ClientBookFixture;
import com.corpbank.portal.support.PortalTest;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static com.corpbank.portal.support.Testers.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Optimistic locking under load, end to end over HTTP: 16 threads each read C-LI-1's version, wait until all 16
 * have read (so every round is a real race on one version), then call {@code setRiskGrade} with the version read and
 * an overdue-days value no other attempt uses. 1,008 attempts (63 rounds). Shown: every attempt is a success or a
 * CONFLICT; no update is lost (the document is the last success and its version counts the successes); one audit
 * event and one history entry per success, whose before/after values form an unbroken chain.
 */
@PortalTest
class ConcurrentUpdateTests {

	private static final int THREADS = 16;

	private static final int ROUNDS = 63;

	private static final String CLIENT = "C-LI-1";

	private static final String READ = "{ client(id: \"C-LI-1\") { version } }";

	private static final String SET = """
			mutation($input: SetRiskGradeInput!) {
			  setRiskGrade(input: $input) { client { version risk { overdueDays } } errors { code currentVersion } }
			}""";

	@Autowired
	HttpGraphQlTester graphQlTester;

	@Autowired
	MongoTemplate mongoTemplate;

	@BeforeEach
	void loadBook() {
		new ClientBookFixture(this.mongoTemplate).load();
	}

	/** One attempt: the version it read, the value it wrote, and the version it made (null for a conflict). */
	private record Attempt(int overdueDays, int readVersion, Integer madeVersion, String code) {
	}

	@Test
	void conflictingUpdatesFromSixteenThreadsLoseNothingAndAuditEachSuccessOnce() throws Exception {
		CyclicBarrier allHaveRead = new CyclicBarrier(THREADS);
		AtomicInteger values = new AtomicInteger();
		List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>());
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		try {
			List<Future<?>> workers = new ArrayList<>();
			for (int t = 0; t < THREADS; t++) {
				workers.add(pool.submit(() -> {
					HttpGraphQlTester riskOfficer = as(this.graphQlTester, "risk_zhou");
					for (int round = 0; round < ROUNDS; round++) {
						int read = riskOfficer.document(READ).execute().path("client.version").entity(Integer.class)
							.get();
						allHaveRead.await(2, TimeUnit.MINUTES);
						int overdueDays = values.incrementAndGet();
						Map<?, ?> payload = riskOfficer.document(SET)
							.variable("input", Map.of("clientId", CLIENT, "rating", "CC", "fiveCategory", "LOSS",
									"overdueDays", overdueDays, "reason", "attempt " + overdueDays, "expectedVersion",
									read))
							.execute()
							.path("setRiskGrade")
							.entity(Map.class)
							.get();
						attempts.add(attempt(overdueDays, read, payload));
					}
					return null;
				}));
			}
			for (Future<?> worker : workers) {
				worker.get(10, TimeUnit.MINUTES);
			}
		}
		finally {
			pool.shutdownNow();
		}

		List<Attempt> successes = attempts.stream().filter(attempt -> attempt.madeVersion() != null).toList();
		long conflicts = attempts.stream().filter(attempt -> "CONFLICT".equals(attempt.code())).count();
		assertThat(attempts).hasSize(THREADS * ROUNDS);
		assertThat(successes.size() + conflicts).as("successes + conflicts = attempts").isEqualTo(attempts.size());
		// A round's writes start only when all 16 threads have read, and a thread reads only after its previous
		// write returned: so every write of a round races on the version the last round left, and exactly one wins.
		assertThat(successes).as("one winner per round").hasSize(ROUNDS);
		assertThat(conflicts).isEqualTo((long) ROUNDS * (THREADS - 1));
		assertThat(successes).extracting(Attempt::madeVersion)
			.as("each success made the next version: none overwrote another")
			.doesNotHaveDuplicates()
			.allSatisfy(version -> assertThat(version).isBetween(1, successes.size()));
		successes.forEach(success -> assertThat(success.madeVersion()).isEqualTo(success.readVersion() + 1));

		// The document is exactly the last successful write.
		Attempt last = successes.stream().max(Comparator.comparing(Attempt::madeVersion)).orElseThrow();
		Document client = this.mongoTemplate.findById(CLIENT, Document.class, "clients");
		assertThat(AuditedWrites.versionOf(client)).isEqualTo(successes.size());
		assertThat(client.get("risk", Document.class).getInteger("overdueDays")).isEqualTo(last.overdueDays());

		// One event and one history entry per success, chained before -> after.
		List<AuditEvent> events = this.mongoTemplate.find(new Query(Criteria.where("entityId").is(CLIENT)),
				AuditEvent.class);
		assertThat(events).hasSize(successes.size());
		assertThat(this.mongoTemplate.count(new Query(Criteria.where("clientId").is(CLIENT)), "risk_history"))
			.isEqualTo(successes.size());
		Map<Integer, Integer> writtenAt = new ConcurrentHashMap<>();
		successes.forEach(success -> writtenAt.put(success.madeVersion(), success.overdueDays()));
		List<AuditEvent> chain = events.stream().sorted(Comparator.comparing(AuditEvent::entityVersion)).toList();
		String previousAfter = null;
		for (int i = 0; i < chain.size(); i++) {
			AuditEvent event = chain.get(i);
			assertThat(event.entityVersion()).isEqualTo(i + 1L);
			FieldChange overdue = event.changes().stream()
				.filter(change -> change.field().equals("risk.overdueDays"))
				.findFirst()
				.orElseThrow();
			assertThat(overdue.before()).as("event %d starts where event %d ended", i + 1, i).isEqualTo(previousAfter);
			assertThat(overdue.after()).isEqualTo(String.valueOf(writtenAt.get(i + 1)));
			assertThat(event.reason()).isEqualTo("attempt " + writtenAt.get(i + 1));
			previousAfter = overdue.after();
		}
		assertThat(previousAfter).isEqualTo(String.valueOf(last.overdueDays()));
		assertThat(this.mongoTemplate.count(
				new Query(Criteria.where(OutboxRelay.PENDING_FIELD + "._id").exists(true)), "clients")).isZero();
	}

	private static Attempt attempt(int overdueDays, int read, Map<?, ?> payload) {
		List<?> errors = (List<?>) payload.get("errors");
		if (errors.isEmpty()) {
			Map<?, ?> client = (Map<?, ?>) payload.get("client");
			assertThat(((Map<?, ?>) client.get("risk")).get("overdueDays")).isEqualTo(overdueDays);
			return new Attempt(overdueDays, read, (Integer) client.get("version"), null);
		}
		assertThat(errors).as("a refused attempt is a CONFLICT and nothing else").hasSize(1);
		Map<?, ?> error = (Map<?, ?>) errors.get(0);
		assertThat(error.get("code")).isEqualTo("CONFLICT");
		assertThat(payload.get("client")).isNull();
		assertThat((Integer) Objects.requireNonNull(error.get("currentVersion"))).isGreaterThan(read);
		return new Attempt(overdueDays, read, null, "CONFLICT");
	}

}
