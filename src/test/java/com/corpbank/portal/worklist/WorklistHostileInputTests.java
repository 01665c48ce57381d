package com.corpbank.portal.worklist;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.corpbank.portal.graphql.KeysetCursor;
import com.corpbank.portal.support.ClientBookFixture;
import com.corpbank.portal.support.PortalTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static com.corpbank.portal.support.Testers.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forged cursors, page sizes and filters on the worklists: each is one typed error naming the argument (BAD_REQUEST,
 * code INVALID_ARGUMENT; a kind that is no kind fails validation), with no internals in the message and no data.
 */
@PortalTest
@Import(WorklistTestConfiguration.class)
class WorklistHostileInputTests {

	@Autowired
	HttpGraphQlTester graphQlTester;

	@Autowired
	MongoTemplate mongoTemplate;

	@BeforeEach
	void book() {
		new ClientBookFixture(this.mongoTemplate).load();
		new WorklistTestData(this.mongoTemplate).complaint("CP-1", "C-LI-1", "OPEN",
				Instant.parse("2026-11-21T02:00:00Z"), "rm_li");
	}

	static List<String> forgedCursors() {
		Instant at = Instant.parse("2026-11-19T16:00:00Z");
		List<String> cursors = new ArrayList<>(List.of("", "not-a-cursor", "bm90LWEtY3Vyc29y", "%%%", "x".repeat(5000),
				// another list's cursor
				new KeysetCursor("churnAlertsNewestFirst", at.toString(), "CA-1").encode(),
				// ours, but a rank that is no kind, no rank, no source id, a text value, a date value, no value
				new KeysetCursor(UrgencyPosition.CURSOR_ORDER, at, "9-CP-1").encode(),
				new KeysetCursor(UrgencyPosition.CURSOR_ORDER, at, "CP-1").encode(),
				new KeysetCursor(UrgencyPosition.CURSOR_ORDER, at, "0-").encode(),
				new KeysetCursor(UrgencyPosition.CURSOR_ORDER, at, "00-CP-1").encode(),
				new KeysetCursor(UrgencyPosition.CURSOR_ORDER, at.toString(), "0-CP-1").encode(),
				new KeysetCursor(UrgencyPosition.CURSOR_ORDER, java.time.LocalDate.of(2026, 11, 19), "0-CP-1").encode(),
				new KeysetCursor(UrgencyPosition.CURSOR_ORDER, null, "0-CP-1").encode()));
		for (String raw : List.of("worklistByUrgency\u001FI\u001F{\"$gt\":\"\"}\u001F0-CP-1",
				"worklistByUrgency\u001FI\u001F2026-11-19T16:00:00Z\u001F0-{\"$gt\":\"\"}",
				"worklistByUrgency\u001FI\u001F+999999999-12-31T23:59:59Z\u001F0-CP-1",
				"worklistByUrgency\u001FI\u001F2026-11-19T16:00:00Z\u001F0-CP-1\u001Fextra")) {
			cursors.add(Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8)));
		}
		return cursors;
	}

	@Test
	void forgedCursorsAreRefusedOnAfter() {
		for (String cursor : forgedCursors()) {
			refused("rm_li", WorklistTests.MY, Map.of("after", cursor), "after");
			refused("lead_sun", WorklistTests.TEAM, Map.of("after", cursor), "after");
		}
	}

	/** (A huge {@code first} is refused earlier, by the operation's complexity limit: see GraphQlLimitsTests.) */
	@Test
	void pageSizesOutOfRangeAreRefusedOnFirst() {
		for (int first : new int[] { -1, 101, Integer.MIN_VALUE }) {
			refused("rm_li", WorklistTests.MY, Map.of("first", first), "first");
			refused("mgr_chen", WorklistTests.TEAM, Map.of("first", first), "first");
		}
	}

	@Test
	void malformedFiltersAreRefusedOnTheirField() {
		refused("rm_li", WorklistTests.MY, Map.of("filter", Map.of("kinds", List.of())), "filter.kinds");
		refused("lead_sun", WorklistTests.TEAM, Map.of("filter", Map.of("kinds", List.of())), "filter.kinds");
		for (String username : List.of("{\"$gt\":\"\"}", "", "rm_li\u0000", "rm li", "a".repeat(65), "$where",
				".*", "rm_li' || '1'=='1")) {
			refused("lead_sun", WorklistTests.TEAM, Map.of("filter", Map.of("rmUsername", username)),
					"filter.rmUsername");
		}
		// a kind that is not one is refused by the schema before anything runs
		as(this.graphQlTester, "rm_li").document(WorklistTests.MY)
			.variables(Map.of("filter", Map.of("kinds", List.of("{\"$gt\":\"\"}"))))
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
				assertThat(error.getExtensions()).containsEntry("classification", "ValidationError");
				assertThat(error.getMessage()).doesNotContain("Exception", "mongo", "java.");
			}));
	}

	private void refused(String user, String document, Map<String, Object> variables, String argument) {
		as(this.graphQlTester, user).document(document).variables(variables).execute().errors()
			.satisfy(errors -> assertThat(errors).as(user + " " + variables).singleElement().satisfies(error -> {
				assertThat(error.getExtensions()).containsEntry("classification", "BAD_REQUEST")
					.containsEntry("code", "INVALID_ARGUMENT")
					.containsEntry("argument", argument);
				assertThat(error.getMessage()).doesNotContain("Exception", "mongo", "java.", "bson");
			}));
	}

}
