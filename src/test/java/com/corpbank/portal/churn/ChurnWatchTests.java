package com.corpbank.portal.churn;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.corpbank.portal.audit.AuditEvent;
import com.corpbank.portal.support.ClientBookFixture;
import com.corpbank.portal.support.MongoCommandCounter;
import com.corpbank.portal.support.PortalTest;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static com.corpbank.portal.churn.ChurnTestData.JOB;
import static com.corpbank.portal.churn.ChurnTestData.allSignals;
import static com.corpbank.portal.churn.ChurnTestData.overdue;
import static com.corpbank.portal.churn.ChurnTestData.quiet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** ChurnWatch: opens, updates and never closes alerts; idempotent; one open alert per client; audited. */
@PortalTest
class ChurnWatchTests {

	static final Instant NOW = Instant.parse("2026-11-20T01:00:00Z");

	static final Instant LATER = Instant.parse("2026-11-21T01:00:00Z");

	@Autowired
	ChurnWatch watch;

	@Autowired
	MongoTemplate mongoTemplate;

	@Autowired
	MongoCommandCounter commands;

	@BeforeEach
	void loadBook() {
		new ClientBookFixture(this.mongoTemplate).load();
	}

	@Test
	void firedSignalsOpenAnAlertWithOneAuditEventAboutTheClient() {
		Map<String, Boolean> open = this.watch.evaluate(List.of(allSignals("C-LI-1"), quiet("C-LI-2")), JOB, NOW);

		assertThat(open).containsExactly(Map.entry("C-LI-1", true), Map.entry("C-LI-2", false));
		ChurnAlert alert = onlyAlertOf("C-LI-1");
		assertThat(alert.status()).isEqualTo(ChurnAlertStatus.OPEN);
		assertThat(alert.signals()).extracting(FiredSignal::code).containsExactly(ChurnSignal.values());
		assertThat(alert.openingSignals()).isEqualTo(alert.signals());
		assertThat(alert.openedAt()).isEqualTo(NOW);
		assertThat(alert.openedBy()).isEqualTo("admin");
		assertThat(alert.lastEvaluatedOn()).isEqualTo(ChurnTestData.AS_OF);
		assertThat(alert.transitions()).isEmpty();
		assertThat(alert.version()).isZero();
		assertThat(alert.id()).startsWith("CA-20261120-");
		assertThat(this.mongoTemplate.count(new Query(Criteria.where("clientId").is("C-LI-2")), ChurnAlert.class))
			.isZero();

		assertThat(this.mongoTemplate.findAll(AuditEvent.class)).singleElement().satisfies(event -> {
			assertThat(event.operation()).isEqualTo("openChurnAlert");
			assertThat(event.entityType()).isEqualTo("ChurnAlert");
			assertThat(event.entityId()).isEqualTo(alert.id());
			assertThat(event.clientId()).isEqualTo("C-LI-1");
			assertThat(event.entityVersion()).isZero();
			assertThat(event.actor()).isEqualTo("admin");
			assertThat(event.requestId()).isEqualTo("retiering-job-1");
			assertThat(event.changes()).extracting("field").containsExactly("status", "signals");
			assertThat(event.changes().get(1).after()).contains("DEPOSITS_FALLING=0.5000/0.30", "OVERDUE_LOANS=15/0");
		});
		assertThat(pending()).isZero();
	}

	@Test
	void aSecondEvaluationWithTheSameInputsReadsOnceAndWritesNothing() {
		List<ChurnInputs> chunk = List.of(allSignals("C-LI-1"), quiet("C-LI-2"), overdue("C-WANG-1", 3));
		this.watch.evaluate(chunk, JOB, NOW);
		List<Document> before = this.mongoTemplate.findAll(Document.class, "churn_alerts");
		long events = this.mongoTemplate.count(new Query(), AuditEvent.class);

		this.commands.reset();
		Map<String, Boolean> again = this.watch.evaluate(chunk, JOB, LATER);

		assertThat(this.commands.dataCommands()).containsExactly("find");
		assertThat(again).containsExactly(Map.entry("C-LI-1", true), Map.entry("C-LI-2", false),
				Map.entry("C-WANG-1", true));
		assertThat(this.mongoTemplate.findAll(Document.class, "churn_alerts")).isEqualTo(before);
		assertThat(this.mongoTemplate.count(new Query(), AuditEvent.class)).isEqualTo(events);
	}

	@Test
	void changedSignalsUpdateTheOpenAlertAuditedAndKeepTheOpeningSignals() {
		this.watch.evaluate(List.of(overdue("C-LI-1", 3)), JOB, NOW);
		ChurnAlert opened = onlyAlertOf("C-LI-1");

		Map<String, Boolean> open = this.watch.evaluate(List.of(overdue("C-LI-1", 45)), JOB, LATER);

		assertThat(open).containsEntry("C-LI-1", true);
		ChurnAlert updated = onlyAlertOf("C-LI-1");
		assertThat(updated.id()).isEqualTo(opened.id());
		assertThat(updated.version()).isEqualTo(1);
		assertThat(updated.signals()).singleElement().satisfies(signal -> assertThat(signal.value()).isEqualTo("45"));
		assertThat(updated.openingSignals()).singleElement()
			.satisfies(signal -> assertThat(signal.value()).isEqualTo("3"));
		assertThat(updated.openedAt()).isEqualTo(NOW);
		assertThat(this.mongoTemplate.find(new Query(Criteria.where("operation").is("updateChurnAlertSignals")),
				AuditEvent.class)).singleElement().satisfies(event -> {
					assertThat(event.entityVersion()).isEqualTo(1L);
					assertThat(event.changes()).extracting("field").containsExactly("signals");
					assertThat(event.changes().get(0).before()).isEqualTo("OVERDUE_LOANS=3/0");
					assertThat(event.changes().get(0).after()).isEqualTo("OVERDUE_LOANS=45/0");
				});
	}

	@Test
	void signalsThatStopFiringEmptyTheAlertButNeverCloseIt() {
		this.watch.evaluate(List.of(overdue("C-LI-1", 3)), JOB, NOW);

		Map<String, Boolean> open = this.watch.evaluate(List.of(quiet("C-LI-1")), JOB, LATER);

		assertThat(open).containsEntry("C-LI-1", true);
		ChurnAlert alert = onlyAlertOf("C-LI-1");
		assertThat(alert.status()).isEqualTo(ChurnAlertStatus.OPEN);
		assertThat(alert.signals()).isEmpty();
		assertThat(alert.openingSignals()).hasSize(1);
	}

	@Test
	void aClosedAlertStaysClosedAndFiringSignalsOpenANewOne() {
		this.watch.evaluate(List.of(overdue("C-LI-1", 3)), JOB, NOW);
		ChurnAlert first = onlyAlertOf("C-LI-1");
		// Closed by a person (ChurnAlertLifecycle sets the same fields).
		this.mongoTemplate.updateFirst(new Query(Criteria.where("_id").is(first.id())),
				new Update().set("status", "CLOSED").set("openKey", first.id()).inc("version", 1), ChurnAlert.class);

		assertThat(this.watch.evaluate(List.of(quiet("C-LI-1")), JOB, LATER)).containsEntry("C-LI-1", false);
		assertThat(this.watch.evaluate(List.of(overdue("C-LI-1", 3)), JOB, LATER)).containsEntry("C-LI-1", true);

		List<ChurnAlert> alerts = this.mongoTemplate.find(new Query(Criteria.where("clientId").is("C-LI-1")),
				ChurnAlert.class);
		assertThat(alerts).hasSize(2);
		assertThat(alerts).filteredOn(alert -> alert.id().equals(first.id()))
			.singleElement()
			.satisfies(alert -> assertThat(alert.status()).isEqualTo(ChurnAlertStatus.CLOSED));
		assertThat(alerts).filteredOn(alert -> !alert.id().equals(first.id()))
			.singleElement()
			.satisfies(alert -> assertThat(alert.status()).isEqualTo(ChurnAlertStatus.OPEN));
	}

	@Test
	void theStoreRefusesASecondOpenAlertForAClient() {
		this.watch.evaluate(List.of(overdue("C-LI-1", 3)), JOB, NOW);
		ChurnAlert open = onlyAlertOf("C-LI-1");
		ChurnAlert second = new ChurnAlert("CA-RACE", "C-LI-1", ChurnAlertStatus.OPEN, open.signals(),
				open.signals(), NOW, "other", List.of(), ChurnTestData.AS_OF, "C-LI-1", 0);

		assertThatExceptionOfType(DuplicateKeyException.class).isThrownBy(() -> this.mongoTemplate.insert(second));
	}

	@Test
	void anEvaluationThatLostTheRaceToOpenReportsTheAlertOpenAndWritesNoSecond() {
		// Another evaluation's alert arrived after this one's read: simulated by an alert the read cannot see
		// coming (inserted straight into the store under the client's open key).
		this.mongoTemplate.insert(new ChurnAlert("CA-OTHER", "C-LI-1", ChurnAlertStatus.OPEN, List.of(), List.of(),
				NOW, "other", List.of(), ChurnTestData.AS_OF, "C-LI-1", 0));

		assertThat(this.watch.evaluate(List.of(overdue("C-LI-1", 3)), JOB, NOW)).containsEntry("C-LI-1", true);
		assertThat(this.mongoTemplate.count(new Query(Criteria.where("clientId").is("C-LI-1")), ChurnAlert.class))
			.isEqualTo(1);
	}

	@Test
	void aChunkCostsOneReadPlusTheWritesOfItsChangesWhateverItsSize() {
		List<ChurnInputs> quietChunk = ClientBookFixture.ALL.stream().map(ChurnTestData::quiet).toList();
		this.commands.reset();
		this.watch.evaluate(quietChunk, JOB, NOW);
		assertThat(this.commands.dataCommands()).containsExactly("find");

		this.commands.reset();
		this.watch.evaluate(List.of(quiet("C-LI-1"), overdue("C-LI-2", 5)), JOB, NOW);
		// the read; the alert with its event and live notification; the outbox relay's read, then per record (the
		// event, the notification) its insert and pull
		assertThat(this.commands.dataCommands()).containsExactly("find", "insert", "find", "insert", "update", "insert",
				"update");
	}

	@Test
	void anEmptyChunkTouchesNothing() {
		this.commands.reset();
		assertThat(this.watch.evaluate(List.of(), JOB, NOW)).isEmpty();
		assertThat(this.commands.dataCommands()).isEmpty();
	}

	private ChurnAlert onlyAlertOf(String clientId) {
		List<ChurnAlert> alerts = this.mongoTemplate.find(new Query(Criteria.where("clientId").is(clientId)),
				ChurnAlert.class);
		assertThat(alerts).hasSize(1);
		return alerts.get(0);
	}

	private long pending() {
		return this.mongoTemplate.count(new Query(Criteria.where("pendingOutbox._id").exists(true)), "churn_alerts");
	}

}
