package com.corpbank.portal.churn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.corpbank.portal.audit.AuditEvent;
import com.corpbank.portal.support.ClientBookFixture;
import com.corpbank.portal.support.PortalTest;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static com.corpbank.portal.churn.ChurnTestData.JOB;
import static com.corpbank.portal.churn.ChurnTestData.overdue;
import static com.corpbank.portal.support.Testers.as;
import static org.assertj.core.api.Assertions.assertThat;

/** The alert lifecycle: forward moves with who, when and a note; everything else refused and nothing changed. */
@PortalTest
class ChurnAlertLifecycleTests {

	@Autowired
	HttpGraphQlTester graphQlTester;

	@Autowired
	MongoTemplate mongoTemplate;

	@Autowired
	ChurnWatch watch;

	private String alertId;

	@BeforeEach
	void openAnAlertOnRmLisClient() {
		new ClientBookFixture(this.mongoTemplate).load();
		this.watch.evaluate(List.of(overdue("C-LI-1", 15)), JOB, ChurnWatchTests.NOW);
		this.alertId = this.mongoTemplate.findOne(new Query(Criteria.where("clientId").is("C-LI-1")), ChurnAlert.class)
			.id();
		this.mongoTemplate.remove(new Query(), AuditEvent.class);
	}

	@Test
	void theClientsRmMovesTheAlertForwardStepByStepWithWhoWhenAndNotes() {
		move("rm_li", "acknowledgeChurnAlert", null, 0).path("acknowledgeChurnAlert.errors").entityList(Object.class)
			.hasSize(0)
			.path("acknowledgeChurnAlert.alert.status").entity(String.class).isEqualTo("ACKNOWLEDGED")
			.path("acknowledgeChurnAlert.alert.version").entity(Integer.class).isEqualTo(1);
		move("lead_sun", "markChurnAlertActioned", "拜访财务总监，续作存款 / visited the CFO", 1)
			.path("markChurnAlertActioned.alert.status").entity(String.class).isEqualTo("ACTIONED");
		GraphQlTester.Response closed = move("rm_li", "closeChurnAlert", "存款回升 / deposits back", 2);

		closed.path("closeChurnAlert.alert.status").entity(String.class).isEqualTo("CLOSED")
			.path("closeChurnAlert.alert.transitions[*].to").entityList(String.class)
			.containsExactly("ACKNOWLEDGED", "ACTIONED", "CLOSED")
			.path("closeChurnAlert.alert.transitions[*].from").entityList(String.class)
			.containsExactly("OPEN", "ACKNOWLEDGED", "ACTIONED")
			.path("closeChurnAlert.alert.transitions[*].by").entityList(String.class)
			.containsExactly("rm_li", "lead_sun", "rm_li")
			.path("closeChurnAlert.alert.transitions[0].note").valueIsNull()
			.path("closeChurnAlert.alert.transitions[1].note").entity(String.class).isEqualTo("拜访财务总监，续作存款 / visited the CFO")
			.path("closeChurnAlert.alert.transitions[2].at").entity(String.class).satisfies(at -> assertThat(at).endsWith("Z"));

		List<AuditEvent> events = this.mongoTemplate.find(new Query().with(org.springframework.data.domain.Sort.by("entityVersion")),
				AuditEvent.class);
		assertThat(events).extracting(AuditEvent::operation)
			.containsExactly("acknowledgeChurnAlert", "markChurnAlertActioned", "closeChurnAlert");
		assertThat(events).allSatisfy(event -> {
			assertThat(event.entityType()).isEqualTo("ChurnAlert");
			assertThat(event.entityId()).isEqualTo(this.alertId);
			assertThat(event.clientId()).isEqualTo("C-LI-1");
		});
		assertThat(events.get(2).reason()).isEqualTo("存款回升 / deposits back");
		assertThat(events.get(2).changes()).singleElement().satisfies(change -> {
			assertThat(change.before()).isEqualTo("ACTIONED");
			assertThat(change.after()).isEqualTo("CLOSED");
		});
		assertThat(this.mongoTemplate.count(new Query(Criteria.where("pendingOutbox._id").exists(true)),
				"churn_alerts")).isZero();
	}

	@Test
	void stepsMaySkipForwardAndARiskOfficerMayMoveIt() {
		move("risk_zhou", "markChurnAlertActioned", "与客户约谈逾期 / called about the overdue loan", 0)
			.path("markChurnAlertActioned.alert.status").entity(String.class).isEqualTo("ACTIONED");
	}

	@Test
	void aFalseAlarmIsClosedStraightFromOpenWithANote() {
		move("mgr_chen", "closeChurnAlert", "误报：逾期已结清 / overdue already repaid", 0)
			.path("closeChurnAlert.alert.status").entity(String.class).isEqualTo("CLOSED");
	}

	@Test
	void closingFreesTheClientsPlaceForTheNextAlert() {
		move("rm_li", "closeChurnAlert", "handled", 0).path("closeChurnAlert.errors").entityList(Object.class).hasSize(0);
		assertThat(this.watch.evaluate(List.of(overdue("C-LI-1", 15)), JOB, ChurnWatchTests.LATER))
			.containsEntry("C-LI-1", true);
		assertThat(this.mongoTemplate.count(new Query(Criteria.where("clientId").is("C-LI-1")), ChurnAlert.class))
			.isEqualTo(2);
	}

	@Test
	void movingBackOrToTheSameStatusIsAValidationErrorAndChangesNothing() {
		move("rm_li", "markChurnAlertActioned", "called", 0);
		Document before = stored();

		move("rm_li", "acknowledgeChurnAlert", null, 1).path("acknowledgeChurnAlert.alert").valueIsNull()
			.path("acknowledgeChurnAlert.errors[0].code").entity(String.class).isEqualTo("VALIDATION")
			.path("acknowledgeChurnAlert.errors[0].field").entityList(String.class).containsExactly("input", "alertId")
			.path("acknowledgeChurnAlert.errors[0].message").entity(String.class)
			.isEqualTo("This alert is ACTIONED and cannot move to ACKNOWLEDGED: alerts only move forward, from ACTIONED to CLOSED.");
		move("rm_li", "markChurnAlertActioned", "called again", 1)
			.path("markChurnAlertActioned.errors[0].code").entity(String.class).isEqualTo("VALIDATION");

		assertThat(stored()).isEqualTo(before);
		assertThat(this.mongoTemplate.count(new Query(), AuditEvent.class)).isEqualTo(1);
	}

	@Test
	void aClosedAlertDoesNotMoveAgain() {
		move("rm_li", "closeChurnAlert", "handled", 0);
		for (String operation : List.of("acknowledgeChurnAlert", "markChurnAlertActioned", "closeChurnAlert")) {
			move("rm_li", operation, "again", 1).path(operation + ".errors[0].code").entity(String.class)
				.isEqualTo("VALIDATION")
				.path(operation + ".errors[0].message").entity(String.class)
				.satisfies(message -> assertThat(message).startsWith("This alert is CLOSED"));
		}
	}

	@Test
	void actioningOrClosingWithoutANoteIsRefusedWithEveryProblemAtOnce() {
		for (String operation : List.of("markChurnAlertActioned", "closeChurnAlert")) {
			move("rm_li", operation, "  ", -1).path(operation + ".errors[*].field[1]").entityList(String.class)
				.containsExactly("note", "expectedVersion");
		}
		move("rm_li", "acknowledgeChurnAlert", "x".repeat(1001), 0).path("acknowledgeChurnAlert.errors[0].field[1]")
			.entity(String.class).isEqualTo("note");
		assertThat(stored().getString("status")).isEqualTo("OPEN");
		assertThat(this.mongoTemplate.count(new Query(), AuditEvent.class)).isZero();
	}

	@Test
	void aNoteIsDataStoredVerbatim() {
		String note = "{\"$gt\": \"\"} a.b$c";
		move("rm_li", "acknowledgeChurnAlert", note, 0).path("acknowledgeChurnAlert.alert.transitions[0].note")
			.entity(String.class).isEqualTo(note);
	}

	@Test
	void aStaleVersionIsAConflictNamingTheCurrentOne() {
		move("rm_li", "acknowledgeChurnAlert", null, 0);
		move("lead_sun", "closeChurnAlert", "handled", 0).path("closeChurnAlert.errors[0].code").entity(String.class)
			.isEqualTo("CONFLICT")
			.path("closeChurnAlert.errors[0].currentVersion").entity(Integer.class).isEqualTo(1)
			.path("closeChurnAlert.errors[0].field").entityList(String.class).containsExactly("input", "expectedVersion");
		assertThat(stored().getString("status")).isEqualTo("ACKNOWLEDGED");
	}

	@Test
	void anotherRmsAlertAndAMissingAlertAreTheSameNotFound() {
		GraphQlTester.Response other = move("rm_zhang", "acknowledgeChurnAlert", null, 0);
		GraphQlTester.Response missing = move("rm_li", "acknowledgeChurnAlert", null, 0, "CA-NOPE");
		for (GraphQlTester.Response response : List.of(other, missing)) {
			response.path("acknowledgeChurnAlert.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND")
				.path("acknowledgeChurnAlert.errors[0].message").entity(String.class)
				.isEqualTo("No churn alert with this id is in your book.");
		}
		// An RM of another branch, through another operation.
		move("rm_zhao", "closeChurnAlert", "x", 0).path("closeChurnAlert.errors[0].code").entity(String.class)
			.isEqualTo("NOT_FOUND");
		assertThat(stored().getString("status")).isEqualTo("OPEN");
	}

	@Test
	void rolesWithoutTheOperationAreForbidden() {
		for (String user : List.of("analyst_wu", "admin", "auditor_qian")) {
			move(user, "acknowledgeChurnAlert", null, 0).path("acknowledgeChurnAlert.errors[0].code")
				.entity(String.class).isEqualTo("FORBIDDEN");
		}
		assertThat(stored().getString("status")).isEqualTo("OPEN");
	}

	private GraphQlTester.Response move(String user, String operation, @Nullable String note, int version) {
		return move(user, operation, note, version, this.alertId);
	}

	private GraphQlTester.Response move(String user, String operation, @Nullable String note, int version,
			String alertId) {
		String inputType = Character.toUpperCase(operation.charAt(0)) + operation.substring(1) + "Input";
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("alertId", alertId);
		input.put("expectedVersion", version);
		if (note != null) {
			input.put("note", note);
		}
		return as(this.graphQlTester, user).document("""
				mutation($input: %s!) {
				  %s(input: $input) {
				    alert { id status version transitions { from to by at note } }
				    errors { code field message currentVersion }
				  }
				}""".formatted(inputType, operation)).variable("input", input).execute();
	}

	private Document stored() {
		Document alert = this.mongoTemplate.findOne(new Query(Criteria.where("_id").is(this.alertId)), Document.class,
				"churn_alerts");
		assertThat(alert).isNotNull();
		return alert;
	}

}
