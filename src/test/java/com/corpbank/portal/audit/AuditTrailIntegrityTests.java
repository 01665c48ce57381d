package com.corpbank.portal.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.corpbank.portal.client.Client;
import com.corpbank.portal.security.Role;
import com.corpbank.portal.support.ClientBookFixture;
import com.corpbank.portal.support.MongoCommandCounter;
import com.corpbank.portal.support.MongoCommandCounter.Command;
import com.corpbank.portal.support.PortalTest;
import com.corpbank.portal.write.MutationRejected;
import com.corpbank.portal.write.UserErrorCode;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static com.corpbank.portal.support.Testers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The audit trail is append-only and holds an event exactly for each change that happened: no command ever
 * updates, deletes or drops an audit event; a rejected or refused write leaves no event (nor a pending one, nor a
 * history entry); a move repeated after a crash adds nothing.
 */
@PortalTest
class AuditTrailIntegrityTests {

	private static final String SET = """
			mutation($input: SetRiskGradeInput!) {
			  setRiskGrade(input: $input) { client { version } errors { code currentVersion } }
			}""";

	/** What would change or remove an audit event once written. */
	private static final Set<String> CHANGING_COMMANDS = Set.of("update", "delete", "findAndModify", "drop");

	@Autowired
	HttpGraphQlTester graphQlTester;

	@Autowired
	MongoTemplate mongoTemplate;

	@Autowired
	MongoCommandCounter commands;

	@Autowired
	AuditedWrites writes;

	@Autowired
	OutboxRelay relay;

	@BeforeEach
	void loadBook() {
		new ClientBookFixture(this.mongoTemplate).load();
	}

	@Test
	void noCommandEverUpdatesDeletesOrDropsAnAuditEvent() {
		this.commands.reset();
		// successes, then every kind of refusal
		for (int version = 0; version < 5; version++) {
			set("risk_zhou", "C-LI-1", "NORMAL", 0, version).path("setRiskGrade.errors").entityList(Object.class)
				.hasSize(0);
		}
		set("risk_zhou", "C-LI-1", "NORMAL", 0, 2).path("setRiskGrade.errors[0].code").entity(String.class)
			.isEqualTo("CONFLICT");
		set("risk_zhou", "C-LI-1", "NORMAL", 400, 5).path("setRiskGrade.errors[0].code").entity(String.class)
			.isEqualTo("FLOOR_VIOLATION");
		set("risk_zhou", "C-NOPE", "NORMAL", 0, 0).path("setRiskGrade.errors[0].code").entity(String.class)
			.isEqualTo("NOT_FOUND");
		set("rm_li", "C-LI-1", "NORMAL", 0, 5).path("setRiskGrade.errors[0].code").entity(String.class)
			.isEqualTo("FORBIDDEN");
		// an auditor reading, filtering and paging (each read sweeps the outbox)
		as(this.graphQlTester, "auditor_qian").document("{ auditEvents(first: 2, filter: {entityId: \"C-LI-1\"}) { pageInfo { endCursor } } }")
			.execute();
		// a move repeated after a crash: the event is in the trail and again in its document's outbox
		AuditEvent moved = this.mongoTemplate.findOne(new Query().limit(1), AuditEvent.class);
		assertThat(moved).isNotNull();
		leavePending("C-LI-1", moved);
		assertThat(this.relay.sweep()).isEqualTo(1);
		assertThat(this.relay.sweep()).isZero();

		List<Command> seen = this.commands.commandsWithTarget();
		assertThat(seen).as("the listener saw the trail written and documents updated")
			.contains(new Command("insert", "audit_events"), new Command("findAndModify", "clients"),
					new Command("update", "clients"));
		assertThat(seen).filteredOn(command -> "audit_events".equals(command.collection()))
			.extracting(Command::name)
			.doesNotContainAnyElementsOf(CHANGING_COMMANDS);
		assertThat(seen).extracting(Command::name).doesNotContain("dropDatabase", "renameCollection");
		assertThat(this.mongoTemplate.count(new Query(), AuditEvent.class)).isEqualTo(5);
	}

	@Test
	void rejectedAndRefusedWritesLeaveNoEventNoHistoryAndNoPendingRecord() {
		Document before = client("C-LI-1");
		set("risk_zhou", "C-LI-1", "NORMAL", 0, 7).path("setRiskGrade.errors[0].code").entity(String.class)
			.isEqualTo("CONFLICT");
		set("risk_zhou", "C-LI-1", "NORMAL", 91, 0).path("setRiskGrade.errors[0].code").entity(String.class)
			.isEqualTo("FLOOR_VIOLATION");
		set("risk_zhou", "C-LI-1", "NORMAL", -1, 0).path("setRiskGrade.errors[0].code").entity(String.class)
			.isEqualTo("VALIDATION");
		as(this.graphQlTester, "risk_zhou").document(SET)
			.variable("input", Map.of("clientId", "C-LI-1", "rating", "A", "fiveCategory", "NORMAL", "overdueDays", 0,
					"reason", "  ", "expectedVersion", 0))
			.execute()
			.path("setRiskGrade.errors[0].code")
			.entity(String.class)
			.isEqualTo("VALIDATION");
		set("risk_zhou", "C-NOPE", "NORMAL", 0, 0).path("setRiskGrade.errors[0].code").entity(String.class)
			.isEqualTo("NOT_FOUND");
		set("mgr_chen", "C-LI-1", "NORMAL", 0, 0).path("setRiskGrade.errors[0].code").entity(String.class)
			.isEqualTo("FORBIDDEN");

		assertThat(this.mongoTemplate.count(new Query(), "audit_events")).isZero();
		assertThat(this.mongoTemplate.count(new Query(), "risk_history")).isZero();
		assertThat(client("C-LI-1")).isEqualTo(before);
		assertThat(this.relay.sweep()).as("nothing pending anywhere").isZero();
	}

	@Test
	void aStaleVersionAtTheWriteItselfIsAConflictThatWritesNothing() {
		// The service checks the version it read; this is the race after that check: the write's own guard.
		setDirectly("C-LI-1", 0);
		AuditEvent event = event("C-LI-1", 1);
		assertThatExceptionOfType(MutationRejected.class)
			.isThrownBy(() -> setDirectly("C-LI-1", 0, event))
			.satisfies(rejected -> assertThat(rejected.errors()).singleElement().satisfies(error -> {
				assertThat(error.code()).isEqualTo(UserErrorCode.CONFLICT);
				assertThat(error.currentVersion()).isEqualTo(1);
				assertThat(error.field()).containsExactly("input", "expectedVersion");
			}));
		assertThat(this.mongoTemplate.exists(new Query(Criteria.where("_id").is(event.id())), "audit_events")).isFalse();
		assertThat(this.mongoTemplate.count(new Query(), "audit_events")).isEqualTo(1);
		assertThat(AuditedWrites.versionOf(client("C-LI-1"))).isEqualTo(1);
	}

	@Test
	void aMatchOutsideTheScopeIsNotFoundWhateverTheVersionAndWritesNothing() {
		AuditEvent event = event("C-LI-1", 1);
		Criteria outOfScope = new Criteria().andOperator(Criteria.where("managerUsernames").is("rm_zhao"),
				Criteria.where("_id").is("C-LI-1"));
		assertThatExceptionOfType(MutationRejected.class)
			.isThrownBy(() -> this.writes.update(Client.class, outOfScope, 0, new Update().set("name", "改名"),
					WriteTarget.of("client", "clientId"), event))
			.satisfies(rejected -> assertThat(rejected.errors()).singleElement().satisfies(error -> {
				assertThat(error.code()).isEqualTo(UserErrorCode.NOT_FOUND);
				assertThat(error.field()).containsExactly("input", "clientId");
				assertThat(error.currentVersion()).isNull();
			}));
		assertThat(this.mongoTemplate.count(new Query(), "audit_events")).isZero();
	}

	@Test
	void anInsertRefusedByAUniqueIndexIsADuplicateKeyAndLeavesNoEvent() {
		this.writes.insert(new Probe("P-1", "first", 0L), event("P-1", 0));
		AuditEvent second = event("P-1", 0);
		// Features map this exception to DUPLICATE: it must be Spring's, not the driver's.
		assertThatExceptionOfType(DuplicateKeyException.class)
			.isThrownBy(() -> this.writes.insert(new Probe("P-1", "second", 0L), second));
		assertThat(this.mongoTemplate.exists(new Query(Criteria.where("_id").is(second.id())), "audit_events"))
			.isFalse();
		assertThat(this.mongoTemplate.count(new Query(), "audit_events")).isEqualTo(1);
		assertThat(this.mongoTemplate.findById("P-1", Document.class, "audit_probes")).isNotNull()
			.containsEntry("name", "first");
	}

	@Test
	void anInsertCarriesItsEventAndRelatedRecordsOutExactlyOnce() {
		AuditEvent event = event("P-2", 0);
		Probe written = this.writes.insert(new Probe("P-2", "new", 0L), event);
		assertThat(written.name()).isEqualTo("new");
		assertThat(this.mongoTemplate.findById(event.id(), AuditEvent.class)).isNotNull();
		assertThat(this.relay.sweep()).isZero();
		assertThat(this.mongoTemplate.findById("P-2", Document.class, "audit_probes"))
			.satisfies(probe -> assertThat(probe.getOrDefault(OutboxRelay.PENDING_FIELD, List.of()))
				.asInstanceOf(InstanceOfAssertFactories.LIST)
				.isEmpty());
	}

	/** A minimal audited entity, so the write core is tested without any feature's rules. */
	@org.springframework.data.mongodb.core.mapping.Document("audit_probes")
	record Probe(@Id String id, String name, Long version) {
	}

	private void setDirectly(String clientId, long expectedVersion) {
		setDirectly(clientId, expectedVersion, event(clientId, expectedVersion + 1));
	}

	private void setDirectly(String clientId, long expectedVersion, AuditEvent event) {
		this.writes.update(Client.class, Criteria.where("_id").is(clientId), expectedVersion,
				new Update().set("name", "改名" + expectedVersion), WriteTarget.of("client", "clientId"), event);
	}

	private static AuditEvent event(String entityId, long version) {
		return AuditEvent.by(AuditEventsQueryTests.actor("rm_li", Role.RM), Instant.now(), "updateClient")
			.reason("test")
			.change("name", "旧", "新")
			.aboutClient(entityId, version);
	}

	private Document client(String id) {
		return this.mongoTemplate.findById(id, Document.class, "clients");
	}

	private void leavePending(String clientId, AuditEvent event) {
		Document content = new Document();
		this.mongoTemplate.getConverter().write(event, content);
		this.mongoTemplate.updateFirst(new Query(Criteria.where("_id").is(clientId)),
				new Update().push(OutboxRelay.PENDING_FIELD, new Document("_id", event.id())
					.append("collection", "audit_events")
					.append("document", content)),
				"clients");
	}

	private GraphQlTester.Response set(String user, String clientId, String fiveCategory, int overdueDays,
			int expectedVersion) {
		return as(this.graphQlTester, user).document(SET)
			.variable("input", Map.of("clientId", clientId, "rating", "A", "fiveCategory", fiveCategory,
					"overdueDays", overdueDays, "reason", "review " + expectedVersion, "expectedVersion",
					expectedVersion))
			.execute();
	}

}
