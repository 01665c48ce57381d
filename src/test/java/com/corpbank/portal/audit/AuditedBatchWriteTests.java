package com.corpbank.portal.audit;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.corpbank.portal.client.Client;
import com.corpbank.portal.security.Caller;
import com.corpbank.portal.support.ClientBookFixture;
import com.corpbank.portal.support.MongoCommandCounter;
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
 * {@link AuditedWrites#updateEach}, the re-tiering job's write: each change lands at its expected version with its
 * event, in one unordered bulk write (a second only for documents seeded without a version), and a change whose
 * document moved on or does not exist writes nothing at all.
 */
@PortalTest
class AuditedBatchWriteTests {

	static final Actor JOB = new Actor(new Caller("system:retiering", "admin", "Re-tiering job", Set.of(), null),
			"RJ-test");

	@Autowired
	MongoTemplate mongoTemplate;

	@Autowired
	AuditedWrites writes;

	@Autowired
	MongoCommandCounter commands;

	@BeforeEach
	void emptyStore() {
		new ClientBookFixture(this.mongoTemplate).clear();
	}

	@Test
	void changesAtTheirVersionsAreWrittenWithTheirEventsInOneBulkWrite() {
		insert("C-1", 3L);
		insert("C-2", 0L);
		this.commands.reset();

		Set<Object> changed = this.writes.updateEach(Client.class, List.of(change("C-1", 3), change("C-2", 0)));

		assertThat(changed).containsExactly("C-1", "C-2");
		assertThat(client("C-1").get("version", Number.class).longValue()).isEqualTo(4);
		assertThat(client("C-2").get("version", Number.class).longValue()).isEqualTo(1);
		assertThat(client("C-1").getString("label")).isEqualTo("changed");
		assertThat(eventsAbout("C-1")).isEqualTo(1);
		assertThat(eventsAbout("C-2")).isEqualTo(1);
		assertThat(client("C-1").getList(OutboxRelay.PENDING_FIELD, Document.class, List.of())).as("moved").isEmpty();
		assertThat(updatesOfClients()).as("the bulk write and the pull of the moved records").isEqualTo(2);
	}

	@Test
	void aDocumentSeededWithoutAVersionIsWrittenAsVersionZeroInASecondBulkWrite() {
		insert("C-1", null);
		this.commands.reset();

		Set<Object> changed = this.writes.updateEach(Client.class, List.of(change("C-1", 0)));

		assertThat(changed).containsExactly("C-1");
		assertThat(client("C-1").get("version", Number.class).longValue()).isEqualTo(1);
		assertThat(eventsAbout("C-1")).isEqualTo(1);
		assertThat(updatesOfClients()).as("at 0, then without a version, then the pull").isEqualTo(3);
	}

	@Test
	void aDocumentThatMovedOnOrIsMissingIsLeftOutAndNothingIsWrittenForIt() {
		insert("C-MOVED", 5L);
		insert("C-UNVERSIONED", null);
		insert("C-OK", 2L);

		Set<Object> changed = this.writes.updateEach(Client.class,
				List.of(change("C-MOVED", 4), change("C-UNVERSIONED", 2), change("C-MISSING", 0), change("C-OK", 2)));

		assertThat(changed).containsExactly("C-OK");
		assertThat(client("C-MOVED").get("version", Number.class).longValue()).isEqualTo(5);
		assertThat(client("C-MOVED").getString("label")).isEqualTo("seeded");
		assertThat(client("C-UNVERSIONED").containsKey("version")).isFalse();
		assertThat(this.mongoTemplate.exists(new Query(Criteria.where("_id").is("C-MISSING")), "clients")).isFalse();
		assertThat(eventsAbout("C-MOVED") + eventsAbout("C-UNVERSIONED") + eventsAbout("C-MISSING")).isZero();
		assertThat(eventsAbout("C-OK")).isEqualTo(1);
		assertThat(this.mongoTemplate.count(
				new Query(Criteria.where(OutboxRelay.PENDING_FIELD + ".0").exists(true)), "clients"))
			.as("nothing left pending anywhere")
			.isZero();
	}

	private void insert(String id, Long version) {
		Document client = new Document("_id", id).append("uscc", "U-" + id).append("label", "seeded");
		if (version != null) {
			client.append("version", version);
		}
		this.mongoTemplate.getCollection("clients").insertOne(client);
	}

	private AuditedWrites.Change change(String id, long expectedVersion) {
		AuditEvent event = AuditEvent.by(JOB, Instant.parse("2026-11-20T02:00:00Z"), "retiering")
			.change("label", "seeded", "changed")
			.aboutClient(id, expectedVersion + 1);
		return new AuditedWrites.Change(id, Criteria.where("_id").is(id), expectedVersion,
				new Update().set("label", "changed"), event, List.of());
	}

	private Document client(String id) {
		return this.mongoTemplate.findById(id, Document.class, "clients");
	}

	private long eventsAbout(String id) {
		return this.mongoTemplate.count(new Query(Criteria.where("entityId").is(id)), "audit_events");
	}

	private long updatesOfClients() {
		return this.commands.commandsWithTarget()
			.stream()
			.filter(command -> command.name().equals("update") && "clients".equals(command.collection()))
			.count();
	}

}
