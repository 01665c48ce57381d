package com.corpbank.portal.access;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.corpbank.portal.access.MutationCases.MatrixUser;
import com.corpbank.portal.access.MutationCases.MutationCase;
import com.corpbank.portal.access.MutationCases.Outcome;
import com.corpbank.portal.access.MutationCases.Target;
import com.corpbank.portal.access.MutationCases.TargetKind;
import com.corpbank.portal.audit.AuditedWrites;
import com.corpbank.portal.audit.OutboxRelay;
import com.corpbank.portal.security.Role;
import com.corpbank.portal.seed.DemoDirectory;
import com.corpbank.portal.support.ClientBookFixture;
import com.corpbank.portal.support.PortalTest;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static com.corpbank.portal.support.Testers.as;
import static com.corpbank.portal.support.Testers.visibleClientIds;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every mutation ({@link MutationCases}) as every demo user, on a client in their scope, one out of it and one that
 * does not exist: the outcome is SUCCESS, FORBIDDEN or NOT_FOUND as the permission table and the row scope say; a
 * success writes exactly one audit event; a refusal changes nothing in the store (not a version, not an event).
 */
@PortalTest
class RoleOperationMatrixTests {

	static final String MISSING_CLIENT = "C-NOPE";

	/** The client {@code load()} adds for rm_liu, who serves none of the fixture's book. */
	static final String LIU_CLIENT = "C-BULK-001";

	/**
	 * Each demo user with a client of the fixture inside and outside their scope (see {@link ClientBookFixture}):
	 * co-RMs, a cross-branch co-RM, a team and a branch, and roles that see all or none.
	 */
	static final List<MatrixUser> USERS = List.of(user("rm_li", "C-LI-1", "C-ZHANG-1"),
			user("rm_zhang", "C-ZHANG-1", "C-LI-1"),
			// co-RM of C-LI-2; C-LI-1 is in the same branch but not theirs
			user("rm_wang", "C-LI-2", "C-LI-1"),
			// co-RM of a Beijing client from Shanghai; the Beijing primary's other client is not theirs
			user("rm_xu", "C-ZHAO-2", "C-ZHAO-1"), user("rm_zhao", "C-ZHAO-1", "C-XU-1"),
			// same team as rm_zhao, serves only the client load() adds
			user("rm_liu", LIU_CLIENT, "C-ZHAO-1"),
			// team SH-PD-T1: rm_zhang's client in, team T2's out
			user("lead_sun", "C-ZHANG-1", "C-WANG-1"),
			// branch SH: a Huangpu client in, a Beijing one out
			user("mgr_chen", "C-XU-1", "C-ZHAO-1"),
			// head office: every client, out of scope only by not existing
			user("mgr_he", "C-ZHAO-1", null),
			// every client: out of scope only by not existing
			user("risk_zhou", "C-ZHAO-1", null), user("analyst_wu", "C-LI-1", null),
			// no client at all
			user("admin", null, "C-LI-1"), user("auditor_qian", null, "C-LI-1"));

	@Autowired
	HttpGraphQlTester graphQlTester;

	@Autowired
	MongoTemplate mongoTemplate;

	@Autowired
	GraphQlSource graphQlSource;

	@BeforeEach
	void loadBook() {
		ClientBookFixture fixture = new ClientBookFixture(this.mongoTemplate);
		fixture.load();
		fixture.addBulkClients("rm_liu", 1);
	}

	static Stream<Arguments> matrix() {
		List<Arguments> cells = new ArrayList<>();
		for (MutationCase mutationCase : MutationCases.ALL) {
			for (MatrixUser user : USERS) {
				for (TargetKind kind : TargetKind.values()) {
					String clientId = clientFor(user, kind);
					if (clientId != null) {
						Outcome expected = mutationCase.expectation().of(user, kind, mutationCase.allowedRoles());
						cells.add(Arguments.of(mutationCase.operation() + " as " + user + " on " + clientId + " ("
								+ kind + ") -> " + expected, mutationCase, user, kind, expected));
					}
				}
			}
		}
		return cells.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("matrix")
	void outcomeFollowsTheRoleAndTheScope(String cell, MutationCase mutationCase, MatrixUser user, TargetKind kind,
			Outcome expected) {
		String clientId = clientFor(user, kind);
		Target target = new Target(user, kind, clientId, versionOf(clientId), this.mongoTemplate);
		Map<String, Object> variables = mutationCase.variables().of(target);
		Map<String, List<Document>> before = snapshot();

		GraphQlTester.Response response = as(this.graphQlTester, user.username()).document(mutationCase.document())
			.variables(variables)
			.execute();

		List<String> codes = response.path(mutationCase.operation() + ".errors[*].code").entityList(String.class)
			.get();
		if (expected == Outcome.SUCCESS) {
			assertThat(codes).as(cell).isEmpty();
			List<Document> events = newEvents(before);
			assertThat(events).as(cell + ": its audit events").hasSize(mutationCase.eventsPerSuccess())
				.allSatisfy(event -> {
					assertThat(event.getString("operation")).isEqualTo(mutationCase.operation());
					assertThat(event.getString("actor")).isEqualTo(user.username());
				});
			assertThat(pendingRecords()).as(cell + ": nothing left in an outbox").isZero();
		}
		else {
			assertThat(codes).as(cell).containsExactly(expected.name());
			assertThat(snapshot()).as(cell + ": a refused call changes nothing").isEqualTo(before);
		}
	}

	@Test
	void everyMutationOfTheSchemaHasAnEntry() {
		List<String> mutations = PermissionRulesTests.mutationNames(this.graphQlSource.schema());
		assertThat(MutationCases.byOperation().keySet()).as("entries of MutationCases.ALL")
			.containsExactlyInAnyOrderElementsOf(mutations);
	}

	@Test
	void everyEntryAllowsExactlyTheRolesOfItsRule() {
		for (MutationCase mutationCase : MutationCases.ALL) {
			assertThat(mutationCase.allowedRoles()).as(mutationCase.operation())
				.isEqualTo(Permissions.rule("Mutation." + mutationCase.operation()).orElseThrow().roles());
		}
	}

	@Test
	void everyEntrySucceedsForSomeoneAndIsRefusedBothWays() {
		// A table that expects only refusals (or only successes) would pass without proving anything.
		Map<String, Set<Outcome>> outcomes = new TreeMap<>();
		matrix().forEach(arguments -> outcomes
			.computeIfAbsent(((MutationCase) arguments.get()[1]).operation(), key -> EnumSet.noneOf(Outcome.class))
			.add((Outcome) arguments.get()[4]));
		// Refused by role (FORBIDDEN) and by scope (NOT_FOUND; for createClient, which names no client, by the RM).
		assertThat(outcomes).isNotEmpty().allSatisfy((operation, seen) -> {
			assertThat(seen).as(operation).contains(Outcome.FORBIDDEN);
			if (!MutationCases.SUCCESS_SHOWN_ELSEWHERE.containsKey(operation)) {
				assertThat(seen).as(operation).contains(Outcome.SUCCESS);
			}
			assertThat(seen).as(operation).containsAnyOf(Outcome.NOT_FOUND, Outcome.VALIDATION);
		});
	}

	@Test
	void everyDemoUserIsInTheMatrixWithTheRolesOfTheDirectory() {
		assertThat(USERS).extracting(MatrixUser::username)
			.containsExactlyInAnyOrderElementsOf(
					DemoDirectory.get().people().stream().map(DemoDirectory.Person::username).toList());
	}

	@Test
	void theScopeTableMatchesWhatEachUserReads() {
		// The matrix's idea of "in scope" is checked against the read side, so that a NOT_FOUND is a scope decision.
		for (MatrixUser user : USERS) {
			List<String> visible = visibleClientIds(this.graphQlTester, user.username());
			if (user.inScope() != null) {
				assertThat(visible).as(user.username()).contains(user.inScope());
			}
			if (user.outOfScope() != null) {
				assertThat(visible).as(user.username()).doesNotContain(user.outOfScope());
			}
		}
	}

	private static MatrixUser user(String username, String inScope, String outOfScope) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		DemoDirectory.get().person(username).roles().forEach(role -> roles.add(Role.valueOf(role)));
		return new MatrixUser(username, roles, inScope, outOfScope);
	}

	private static String clientFor(MatrixUser user, TargetKind kind) {
		return switch (kind) {
			case IN_SCOPE -> user.inScope();
			case OUT_OF_SCOPE -> user.outOfScope();
			case MISSING -> MISSING_CLIENT;
		};
	}

	private long versionOf(String clientId) {
		Document client = this.mongoTemplate.findOne(new Query(Criteria.where("_id").is(clientId)), Document.class,
				"clients");
		return (client != null) ? AuditedWrites.versionOf(client) : 0;
	}

	/** Every document of every collection, by collection, in id order. */
	private Map<String, List<Document>> snapshot() {
		Map<String, List<Document>> all = new LinkedHashMap<>();
		for (String collection : new TreeSet<>(this.mongoTemplate.getCollectionNames())) {
			if (!collection.startsWith("system.")) {
				all.put(collection, this.mongoTemplate.find(new Query().with(Sort.by("_id")), Document.class,
						collection));
			}
		}
		return all;
	}

	private List<Document> newEvents(Map<String, List<Document>> before) {
		List<Object> known = before.getOrDefault("audit_events", List.of()).stream().map(event -> event.get("_id"))
			.toList();
		return this.mongoTemplate.find(new Query(Criteria.where("_id").nin(known)), Document.class, "audit_events");
	}

	private long pendingRecords() {
		long pending = 0;
		for (String collection : this.mongoTemplate.getCollectionNames()) {
			pending += this.mongoTemplate.count(
					new Query(Criteria.where(OutboxRelay.PENDING_FIELD + "._id").exists(true)), collection);
		}
		return pending;
	}

}
