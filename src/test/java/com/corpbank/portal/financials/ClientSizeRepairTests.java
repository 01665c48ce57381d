package com.corpbank.portal.financials;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import com.corpbank.portal.audit.Actor;
import com.corpbank.portal.audit.AuditEvent;
import com.corpbank.portal.audit.AuditedWrites;
import com.corpbank.portal.client.Client;
import com.corpbank.portal.client.ClientsInScope;
import com.corpbank.portal.client.EnterpriseSize;
import com.corpbank.portal.client.EnterpriseSizeClassifier;
import com.corpbank.portal.portfolio.ClientFigureCopies;
import com.corpbank.portal.security.Caller;
import com.corpbank.portal.security.Role;
import com.corpbank.portal.support.ClientBookFixture;
import com.corpbank.portal.support.PortalTest;
import com.corpbank.portal.support.TestIdentityProvider;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The statement write and the client's size write are two documents and the store has no transactions: a process
 * that dies between them leaves the statement marked {@code sizeApplied: false}, and the sweep (start-up and
 * scheduled) finishes the job exactly once.
 */
@PortalTest
class ClientSizeRepairTests {

	@Autowired
	MongoTemplate mongoTemplate;

	@Autowired
	ClientsInScope clients;

	@Autowired
	AuditedWrites writes;

	@Autowired
	EnterpriseSizeClassifier classifier;

	@Autowired
	Clock clock;

	@Autowired
	ClientSizing sizing;

	@Autowired
	ClientFigureCopies figureCopies;

	@BeforeEach
	void loadBook() {
		new ClientBookFixture(this.mongoTemplate).load();
	}

	/** The process dying: not an exception the service may catch and carry on from. */
	static final class Crash extends Error {

		Crash() {
			super("process killed between the statement write and the client write", null, false, false);
		}

	}

	@Test
	void aCrashBetweenTheStatementAndTheClientWriteIsRepairedOnceBySweep() {
		// The service as wired, except that the process dies right before the client write.
		ClientSizing dying = new ClientSizing(this.mongoTemplate, this.writes, this.classifier, this.clock,
				this.figureCopies) {
			@Override
			public void apply(String clientId, Actor actor) {
				throw new Crash();
			}
		};
		StatementRecording recording = new StatementRecording(this.mongoTemplate, this.clients, this.writes,
				dying, this.clock);

		assertThatThrownBy(() -> recording.record(rmLi(), largeYear())).isInstanceOf(Crash.class);

		// After the crash: the statement and its event are there, marked; the client is untouched.
		Document statement = this.mongoTemplate.findById("C-LI-1-2025", Document.class, "financial_statements");
		assertThat(statement.get("sizeApplied")).isEqualTo(false);
		assertThat(statement.get("employees")).isEqualTo(1200);
		Client before = client();
		assertThat(before.size()).isEqualTo(EnterpriseSize.MEDIUM);
		assertThat(before.sizeBasis()).isNull();
		assertThat(eventsAbout("C-LI-1")).isEmpty();
		assertThat(eventsAbout("C-LI-1-2025")).hasSize(1);

		// The restart's sweep re-sizes the client, with its audit event, and clears the marker.
		assertThat(this.sizing.sweep()).isEqualTo(1);
		Client after = client();
		assertThat(after.size()).isEqualTo(EnterpriseSize.LARGE);
		assertThat(after.sizeBasis().rule()).isEqualTo("large: X>=1000 & Y>=40000");
		assertThat(after.sizeBasis().period()).isEqualTo("2025");
		assertThat(after.version()).isEqualTo(1L);
		assertThat(eventsAbout("C-LI-1")).singleElement().satisfies(event -> {
			assertThat(event.actor()).isEqualTo("system:size-sweep");
			assertThat(event.operation()).isEqualTo("recordFinancialStatement");
			assertThat(event.reason()).contains("2025").contains("sweep");
		});
		assertThat(this.mongoTemplate.findById("C-LI-1-2025", Document.class, "financial_statements")
			.get("sizeApplied")).isNull();

		// Sweeping again (another instance, the next schedule) finds nothing and writes nothing.
		assertThat(this.sizing.sweep()).isZero();
		this.sizing.apply("C-LI-1", rmLi());
		assertThat(eventsAbout("C-LI-1")).hasSize(1);
		assertThat(client().version()).isEqualTo(1L);
	}

	@Test
	void aStoreHiccupOnTheClientWriteStillRecordsTheStatementAndLeavesTheRepairToTheSweep() {
		ClientSizing failing = new ClientSizing(this.mongoTemplate, this.writes, this.classifier, this.clock,
				this.figureCopies) {
			@Override
			public void apply(String clientId, Actor actor) {
				throw new IllegalStateException("store unavailable");
			}
		};
		StatementRecording recording = new StatementRecording(this.mongoTemplate, this.clients, this.writes,
				failing, this.clock);

		StatementRecording.Recorded recorded = recording.record(rmLi(), largeYear());
		assertThat(recorded.statement().version()).isEqualTo(1L);
		assertThat(recorded.client().size()).isEqualTo(EnterpriseSize.MEDIUM);

		this.sizing.sweep();
		assertThat(client().size()).isEqualTo(EnterpriseSize.LARGE);
		assertThat(eventsAbout("C-LI-1")).hasSize(1);
	}

	@Test
	void aMarkerWhoseSizeIsAlreadyRightIsClearedWithoutAClientWrite() {
		// The crash came after the client write but before the marker was cleared.
		this.mongoTemplate.getCollection("financial_statements")
			.updateOne(new Document("_id", "C-LI-1-2025"),
					new Document("$set", new Document("sizeApplied", false).append("version", 0L)));
		this.mongoTemplate.getCollection("clients")
			.updateOne(new Document("_id", "C-LI-1"), new Document("$set", new Document("sizeBasis",
					new Document("category", "INDUSTRY").append("rule", "medium: X>=300 & Y>=2000")
						.append("period", "2025"))));

		assertThat(this.sizing.sweep()).isEqualTo(1);
		assertThat(this.mongoTemplate.findById("C-LI-1-2025", Document.class, "financial_statements")
			.get("sizeApplied")).isNull();
		assertThat(eventsAbout("C-LI-1")).isEmpty();
		assertThat(client().version()).isIn(null, 0L);
	}

	private Client client() {
		return this.mongoTemplate.findById("C-LI-1", Client.class);
	}

	private List<AuditEvent> eventsAbout(String entityId) {
		return this.mongoTemplate.find(new Query(Criteria.where("entityId").is(entityId)), AuditEvent.class);
	}

	private static Actor rmLi() {
		return new Actor(new Caller(TestIdentityProvider.subjectOf("rm_li"), "rm_li", "李", Set.of(Role.RM),
				"SH-PD-T1"), "test-request");
	}

	private static RecordFinancialStatementInput largeYear() {
		return new RecordFinancialStatementInput("C-LI-1", "2025", LocalDate.of(2025, 12, 31), "CNY",
				new BigDecimal("500000000.00"), new BigDecimal("30000000.00"), new BigDecimal("600000000.00"),
				new BigDecimal("330000000.00"), null, null, new BigDecimal("42000000.00"), null, 1200,
				"audited figures", 0);
	}

}
