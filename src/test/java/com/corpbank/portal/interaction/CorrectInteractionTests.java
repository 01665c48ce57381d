package com.corpbank.portal.interaction;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.corpbank.portal.support.ClientBookFixture;
import com.corpbank.portal.support.PortalTest;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static com.corpbank.portal.interaction.InteractionTestData.CORRECT;
import static com.corpbank.portal.interaction.InteractionTestData.allEvents;
import static com.corpbank.portal.interaction.InteractionTestData.eventsAbout;
import static com.corpbank.portal.interaction.InteractionTestData.interaction;
import static com.corpbank.portal.support.Testers.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code correctInteraction}: only the author, only within the correction window (default P7D, inclusive), only at
 * the version read; each correction audited with its reason and before/after; every refusal leaves the interaction
 * and the trail as they were.
 */
@PortalTest
@Import(InteractionTestConfiguration.class)
class CorrectInteractionTests {

	static final Instant RECORDED_AT = InteractionTestConfiguration.START;

	static final Duration WINDOW = Duration.ofDays(7);

	@Autowired
	HttpGraphQlTester graphQlTester;

	@Autowired
	MongoTemplate mongoTemplate;

	@Autowired
	InteractionTestConfiguration.MovableClock clock;

	@BeforeEach
	void recordedByRmLiOnTheClientSheCoServesWithRmWang() {
		new ClientBookFixture(this.mongoTemplate).load();
		this.clock.set(RECORDED_AT);
		interaction(this.mongoTemplate, "IA-1", "C-LI-2", InteractionChannel.VISIT,
				Instant.parse("2026-11-19T06:30:00Z"), List.of("rm_li"), List.of(), "rm_li", RECORDED_AT);
	}

	@Test
	void theAuthorCorrectsJustInsideTheWindowAndTheCorrectionIsAuditedWithItsReason() {
		this.clock.set(RECORDED_AT.plus(WINDOW));
		correct("rm_li", asCall(0)).path("correctInteraction.errors").entityList(Object.class).hasSize(0)
			.path("correctInteraction.interaction.channel").entity(String.class).isEqualTo("PHONE")
			.path("correctInteraction.interaction.managers").entityList(String.class).containsExactly("rm_li", "rm_wang")
			.path("correctInteraction.interaction.nextStep").entity(String.class).isEqualTo("下周寄送方案")
			.path("correctInteraction.interaction.correctedAt").entity(String.class)
			.isEqualTo(RECORDED_AT.plus(WINDOW).toString())
			.path("correctInteraction.interaction.version").entity(Integer.class).isEqualTo(1);

		List<Document> events = eventsAbout(this.mongoTemplate, "IA-1");
		assertThat(events).singleElement().satisfies(event -> {
			assertThat(event.getString("operation")).isEqualTo("correctInteraction");
			assertThat(event.getString("reason")).isEqualTo("记错了沟通方式");
			assertThat(event.get("entityVersion", Number.class).longValue()).isEqualTo(1L);
			assertThat(event.getList("changes", Document.class)).extracting(change -> change.getString("field"))
				.containsExactlyInAnyOrder("channel", "managers", "nextStep");
			assertThat(event.getList("changes", Document.class))
				.filteredOn(change -> "channel".equals(change.getString("field")))
				.singleElement()
				.satisfies(change -> {
					assertThat(change.getString("before")).isEqualTo("VISIT");
					assertThat(change.getString("after")).isEqualTo("PHONE");
				});
		});
	}

	@Test
	void oneSecondOutsideTheWindowIsForbiddenAndNothingChanges() {
		long events = allEvents(this.mongoTemplate);
		this.clock.set(RECORDED_AT.plus(WINDOW).plusSeconds(1));
		correct("rm_li", asCall(0)).path("correctInteraction.interaction").valueIsNull()
			.path("correctInteraction.errors[0].code").entity(String.class).isEqualTo("FORBIDDEN")
			.path("correctInteraction.errors[0].field").entityList(String.class).containsExactly("input", "interactionId");
		assertUnchanged(events);
	}

	@Test
	void aCoRmOfTheSameClientWhoIsNotTheAuthorIsForbidden() {
		long events = allEvents(this.mongoTemplate);
		correct("rm_wang", asCall(0)).path("correctInteraction.errors[0].code").entity(String.class)
			.isEqualTo("FORBIDDEN");
		assertUnchanged(events);
	}

	@Test
	void anRmWithoutTheClientGetsNotFoundLikeAnUnknownIdAndOtherRolesAreForbidden() {
		long events = allEvents(this.mongoTemplate);
		Object outOfScope = correct("rm_zhang", asCall(0)).path("correctInteraction.errors").entityList(Object.class).get();
		Map<String, Object> unknown = asCall(0);
		unknown.put("interactionId", "IA-NOPE");
		Object missing = correct("rm_zhang", unknown).path("correctInteraction.errors").entityList(Object.class).get();
		assertThat(outOfScope).isEqualTo(missing);
		assertThat(outOfScope.toString()).contains("NOT_FOUND");
		for (String user : List.of("lead_sun", "mgr_chen", "risk_zhou")) {
			correct(user, asCall(0)).path("correctInteraction.interaction").valueIsNull()
				.path("correctInteraction.errors[*].code").entityList(String.class)
				.satisfies(codes -> assertThat(codes).as(user).containsExactly("FORBIDDEN"));
		}
		assertUnchanged(events);
	}

	@Test
	void aStaleVersionIsAConflictNamingTheCurrentOne() {
		correct("rm_li", asCall(0)).path("correctInteraction.errors").entityList(Object.class).hasSize(0);
		long events = allEvents(this.mongoTemplate);
		Map<String, Object> again = asCall(0);
		again.put("summary", "再次更正");
		correct("rm_li", again).path("correctInteraction.errors[0].code").entity(String.class).isEqualTo("CONFLICT")
			.path("correctInteraction.errors[0].field").entityList(String.class).containsExactly("input", "expectedVersion")
			.path("correctInteraction.errors[0].currentVersion").entity(Integer.class).isEqualTo(1);
		assertThat(allEvents(this.mongoTemplate)).isEqualTo(events);
		assertThat(this.mongoTemplate.findById("IA-1", Interaction.class).summary()).isEqualTo("摘要 IA-1");
	}

	@Test
	void aCorrectionThatChangesNothingIsRefusedWithoutAnEvent() {
		long events = allEvents(this.mongoTemplate);
		Map<String, Object> same = new HashMap<>();
		same.put("interactionId", "IA-1");
		same.put("channel", "VISIT");
		same.put("occurredAt", "2026-11-19T06:30:00Z");
		same.put("summary", "摘要 IA-1");
		same.put("reason", "nothing");
		same.put("expectedVersion", 0);
		correct("rm_li", same).path("correctInteraction.errors[0].code").entity(String.class).isEqualTo("VALIDATION");
		assertUnchanged(events);
	}

	@Test
	void aCorrectionIsCheckedLikeARecordingAndNeedsAReason() {
		long events = allEvents(this.mongoTemplate);
		Map<String, Object> input = asCall(0);
		input.put("occurredAt", "2026-11-21T02:00:00Z");
		input.put("managers", List.of("rm_zhang"));
		input.remove("reason");
		input.put("reason", " ");
		correct("rm_li", input).path("correctInteraction.errors[*].field").entityList(Object.class)
			.satisfies(fields -> assertThat(fields).containsExactlyInAnyOrder(List.of("input", "occurredAt"),
					List.of("input", "reason")));
		Map<String, Object> foreignRm = asCall(0);
		foreignRm.put("managers", List.of("rm_zhang"));
		correct("rm_li", foreignRm).path("correctInteraction.errors[0].field").entityList(String.class)
			.containsExactly("input", "managers", "0");
		assertUnchanged(events);
	}

	private void assertUnchanged(long events) {
		assertThat(allEvents(this.mongoTemplate)).isEqualTo(events);
		Interaction stored = this.mongoTemplate.findById("IA-1", Interaction.class);
		assertThat(stored.channel()).isEqualTo(InteractionChannel.VISIT);
		assertThat(stored.version()).isEqualTo(0L);
		assertThat(stored.correctedAt()).isNull();
	}

	private GraphQlTester.Response correct(String user, Map<String, Object> input) {
		return as(this.graphQlTester, user).document(CORRECT).variable("input", input).execute();
	}

	/** It was a call with both RMs, not a visit. */
	private static Map<String, Object> asCall(int expectedVersion) {
		Map<String, Object> input = new HashMap<>();
		input.put("interactionId", "IA-1");
		input.put("channel", "PHONE");
		input.put("occurredAt", "2026-11-19T06:30:00Z");
		input.put("managers", List.of("rm_li", "rm_wang"));
		input.put("summary", "摘要 IA-1");
		input.put("nextStep", "下周寄送方案");
		input.put("reason", "记错了沟通方式");
		input.put("expectedVersion", expectedVersion);
		return input;
	}

}
