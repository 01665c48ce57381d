package com.corpbank.portal.client;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.corpbank.portal.support.ClientBookFixture;
import com.corpbank.portal.support.PortalTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static com.corpbank.portal.support.Testers.as;
import static org.assertj.core.api.Assertions.assertThat;

/** Keyset pages, orders, filters and the typed errors of bad paging input. */
@PortalTest
class ClientPagingTests {

	@Autowired
	HttpGraphQlTester graphQlTester;

	@Autowired
	MongoTemplate mongoTemplate;

	@BeforeEach
	void loadBook() {
		new ClientBookFixture(this.mongoTemplate).load();
	}

	@ParameterizedTest
	@CsvSource({ "NAME,ASC", "NAME,DESC", "TIER_SCORE,ASC", "TIER_SCORE,DESC" })
	void pagesOfTwoWalkTheWholeBookWithoutGapsOrRepeats(String field, String direction) {
		Map<String, Object> orderBy = Map.of("field", field, "direction", direction);
		List<String> walked = new ArrayList<>();
		String after = null;
		boolean hasNext = true;
		int pages = 0;
		while (hasNext) {
			GraphQlTester.Response response = as(this.graphQlTester, "risk_zhou").documentName("clientIds")
				.variable("first", 2)
				.variable("after", after)
				.variable("orderBy", orderBy)
				.execute();
			walked.addAll(response.path("clients.edges[*].node.id").entityList(String.class).get());
			hasNext = response.path("clients.pageInfo.hasNextPage").entity(Boolean.class).get();
			after = response.path("clients.pageInfo.endCursor").entity(String.class).get();
			assertThat(++pages).isLessThanOrEqualTo(5);
		}
		List<String> oneBigPage = as(this.graphQlTester, "risk_zhou").documentName("clientIds")
			.variable("orderBy", orderBy)
			.execute()
			.path("clients.edges[*].node.id")
			.entityList(String.class)
			.get();
		assertThat(walked).hasSize(ClientBookFixture.ALL.size()).doesNotHaveDuplicates().isEqualTo(oneBigPage);
	}

	@Test
	void tierScoreOrderBreaksTiesByIdAndPutsUntieredClientsFirstAscending() {
		as(this.graphQlTester, "risk_zhou").documentName("clientIds")
			.variable("orderBy", Map.of("field", "TIER_SCORE", "direction", "ASC"))
			.execute()
			.path("clients.edges[*].node.id")
			.entityList(String.class)
			.isEqualTo(ClientBookFixture.BY_TIER_SCORE_ASC);
	}

	@Test
	void defaultOrderIsByName() {
		List<String> names = as(this.graphQlTester, "risk_zhou").document("{ clients { edges { node { name } } } }")
			.execute()
			.path("clients.edges[*].node.name")
			.entityList(String.class)
			.get();
		assertThat(names).isSortedAccordingTo(String::compareTo);
	}

	@Test
	void filtersCombineAndCountTogether() {
		as(this.graphQlTester, "risk_zhou").documentName("clientIds")
			.variable("filter", Map.of("tier", "A", "region", "EAST_CHINA"))
			.execute()
			.path("clients.totalCount").entity(Integer.class).isEqualTo(2)
			.path("clients.edges[*].node.id").entityList(String.class).satisfies(ids -> assertThat(ids).containsExactlyInAnyOrder("C-LI-1", "C-WANG-2"));
		as(this.graphQlTester, "risk_zhou").documentName("clientIds")
			.variable("filter", Map.of("rating", "D", "fiveCategory", "DOUBTFUL"))
			.execute()
			.path("clients.edges[*].node.id").entityList(String.class).containsExactly("C-ZHAO-1");
		as(this.graphQlTester, "risk_zhou").documentName("clientIds")
			.variable("filter", Map.of("industrySection", "I"))
			.execute()
			.path("clients.edges[*].node.id").entityList(String.class).containsExactly("C-WANG-2");
	}

	@Test
	void nameContainsIsLiteralTextNotAPattern() {
		as(this.graphQlTester, "risk_zhou").documentName("clientIds")
			.variable("filter", Map.of("nameContains", "浦江"))
			.execute()
			.path("clients.edges[*].node.id").entityList(String.class).containsExactly("C-LI-2");
		for (String pattern : List.of(".*", "上海.*", "^北京", "(", "[a-z", "\\", "$where")) {
			as(this.graphQlTester, "risk_zhou").documentName("clientIds")
				.variable("filter", Map.of("nameContains", pattern))
				.execute()
				.path("clients.totalCount").entity(Integer.class).isEqualTo(0);
		}
	}

	@Test
	void pageSizeAboveTheMaximumIsABadRequest() {
		as(this.graphQlTester, "risk_zhou").documentName("clientIds")
			.variable("first", ClientQueries.MAX_PAGE_SIZE + 1)
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
				assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
				assertThat(error.getMessage()).contains("first must be between 0 and 100");
				assertThat(error.getExtensions()).containsEntry("argument", "first");
			}));
	}

	@Test
	void aForgedOrForeignCursorIsABadRequest() {
		for (String cursor : List.of("not-a-cursor", "AAAA", "eyJpZCI6IkMtWkhBTy0xIn0")) {
			as(this.graphQlTester, "risk_zhou").documentName("clientIds")
				.variable("after", cursor)
				.execute()
				.errors()
				.satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
					assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
					assertThat(error.getMessage()).startsWith("Not a valid cursor");
				}));
		}
		String byName = as(this.graphQlTester, "risk_zhou").documentName("clientIds")
			.variable("first", 1)
			.execute()
			.path("clients.pageInfo.endCursor")
			.entity(String.class)
			.get();
		as(this.graphQlTester, "risk_zhou").documentName("clientIds")
			.variable("after", byName)
			.variable("orderBy", Map.of("field", "TIER_SCORE"))
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getMessage()).contains("belongs to another order")));
	}

	@Test
	void nameContainsLongerThanTheLimitIsABadRequest() {
		as(this.graphQlTester, "risk_zhou").documentName("clientIds")
			.variable("filter", Map.of("nameContains", "长".repeat(101)))
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST)));
	}

	@Test
	void clientNodeCarriesTheContractFieldsWithDecimalStrings() {
		as(this.graphQlTester, "rm_li").documentName("clientPage")
			.variable("filter", Map.of("nameContains", "浦江"))
			.execute()
			.path("clients.edges[0].node").matchesJson("""
					{
					  "id": "C-LI-2",
					  "name": "上海浦江生物医药股份有限公司",
					  "industry": { "section": "C", "sectionName": "制造业", "code": "27", "name": "医药制造业" },
					  "region": "EAST_CHINA",
					  "size": "MEDIUM",
					  "lifecycleStage": "MATURE",
					  "valueTier": { "tier": "B", "score": "72.00", "modelVersion": "test-1", "evaluatedOn": "2026-06-30" },
					  "risk": { "rating": "BB", "fiveCategory": "SPECIAL_MENTION", "ratedOn": "2026-03-31" },
					  "latestFinancials": {
					    "period": "2025", "periodEnd": "2025-12-31", "currency": "CNY",
					    "revenue": "150000000.00", "netProfit": "9000000.50",
					    "totalAssets": "120000000.00", "totalLiabilities": "78000000.00", "debtRatio": "0.6500"
					  },
					  "primaryManager": { "username": "rm_li", "displayName": "李明",
					    "team": { "code": "SH-PD-T1", "name": "浦东公司业务一团队", "type": "TEAM" } },
					  "coManagers": [ { "username": "rm_wang", "displayName": "王芳",
					    "team": { "code": "SH-PD-T2", "name": "浦东公司业务二团队" } } ]
					}
					""");
	}

	@Test
	void aCursorLongerThanTheCapIsRefusedBeforeItIsDecoded() {
		// Valid Base64 of a well-formed cursor: only the length can refuse it (the body limit lets it through).
		String huge = cursor("TIER_SCORE:ASC", "D", "1".repeat(20_000), "C-LI-1");
		assertSingleInvalidArgument(withCursor(huge, "TIER_SCORE"), "after", "at most 1024 characters");
	}

	@Test
	void aWellFormedCursorAtTheLengthCapIsAcceptedAndOneByteMoreIsRefused() {
		// 768 bytes are exactly 1024 Base64 characters; 769 bytes are 1026.
		String atCap = cursor("NAME:ASC", "S", "x".repeat(750), "C-LI-1");
		assertThat(atCap).hasSize(1024);
		as(this.graphQlTester, "risk_zhou").documentName("clientIds")
			.variable("after", atCap)
			.execute()
			// Every name sorts after "xxx…" (CJK after ASCII): the whole book follows the position.
			.path("clients.edges[*].node.id").entityList(String.class).hasSize(ClientBookFixture.ALL.size());
		String beyond = cursor("NAME:ASC", "S", "x".repeat(751), "C-LI-1");
		assertThat(beyond).hasSize(1026);
		assertSingleInvalidArgument(withCursor(beyond, "NAME"), "after", "at most 1024 characters");
	}

	@ParameterizedTest
	@ValueSource(strings = { "12345678901234567890123456789012345", "1E+6112", "1E-6177", "1E+7000", "-1E-7000",
			"NaN", "Infinity", "0x1F", "1_000", " 1", "" })
	void aCursorDecimalOutsideDecimal128IsNotAValidCursor(String decimal) {
		assertSingleInvalidArgument(withCursor(cursor("TIER_SCORE:ASC", "D", decimal, "C-LI-1"), "TIER_SCORE"),
				"after", "Not a valid cursor");
	}

	@Test
	void aCursorDecimalAtDecimal128sEdgesIsAcceptedAndPagesPastIt() {
		// Just inside the caps: 34 digits, and the largest and smallest exponents Decimal128 holds.
		List<String> allDescending = new ArrayList<>(ClientBookFixture.BY_TIER_SCORE_ASC);
		Collections.reverse(allDescending);
		Map<String, List<String>> expected = Map.of("1234567890123456789012345678901234", allDescending, "1E+6111",
				allDescending, "1E-6176", List.of("C-XU-2"));
		expected.forEach((decimal, ids) -> as(this.graphQlTester, "risk_zhou").documentName("clientIds")
			.variable("after", cursor("TIER_SCORE:DESC", "D", decimal, "C-LI-1"))
			.variable("orderBy", Map.of("field", "TIER_SCORE", "direction", "DESC"))
			.execute()
			.path("clients.edges[*].node.id").entityList(String.class).isEqualTo(ids));
	}

	@ParameterizedTest
	@ValueSource(strings = { "C-LI-1\u0000", "C-LI-1'||'1'=='1", "{\"$gt\":\"\"}", "C LI 1" })
	void aCursorWithAForeignIdIsNotAValidCursor(String id) {
		assertSingleInvalidArgument(withCursor(cursor("NAME:ASC", "S", "上海", id), "NAME"), "after",
				"Not a valid cursor");
	}

	@ParameterizedTest
	@ValueSource(strings = { "\u0000", "上海\u0000", "a\u0001b", "line\nbreak", "tab\t", "\u007f", "\u009b",
			"lone \ud800 surrogate" })
	void nulControlCharactersOrBrokenTextInNameContainsAreABadRequest(String text) {
		assertSingleInvalidArgument(as(this.graphQlTester, "risk_zhou").documentName("clientIds")
			.variable("filter", Map.of("nameContains", text))
			.execute(), "filter.nameContains", "control characters");
	}

	@Test
	void nameContainsLimitCountsCharactersNotUtf16Units() {
		// 100 emoji are 200 UTF-16 units but 100 characters: inside the cap.
		as(this.graphQlTester, "risk_zhou").documentName("clientIds")
			.variable("filter", Map.of("nameContains", "😀".repeat(100)))
			.execute()
			.path("clients.totalCount").entity(Integer.class).isEqualTo(0);
		assertSingleInvalidArgument(as(this.graphQlTester, "risk_zhou").documentName("clientIds")
			.variable("filter", Map.of("nameContains", "长".repeat(101)))
			.execute(), "filter.nameContains", "at most 100 characters");
	}

	@ParameterizedTest
	@ValueSource(strings = { "rm li", "rm_li\u0000", "{\"$ne\":null}", "$where", "rm_li.*", "李明", "" })
	void managerUsernameOutsideTheUsernameCharacterSetIsABadRequest(String username) {
		assertSingleInvalidArgument(as(this.graphQlTester, "risk_zhou").documentName("clientIds")
			.variable("filter", Map.of("managerUsername", username))
			.execute(), "filter.managerUsername", "letters, digits");
	}

	@Test
	void managerUsernameAtTheLengthCapIsAcceptedAndOneBeyondIsABadRequest() {
		as(this.graphQlTester, "risk_zhou").documentName("clientIds")
			.variable("filter", Map.of("managerUsername", "r".repeat(64)))
			.execute()
			.path("clients.totalCount").entity(Integer.class).isEqualTo(0);
		assertSingleInvalidArgument(as(this.graphQlTester, "risk_zhou").documentName("clientIds")
			.variable("filter", Map.of("managerUsername", "r".repeat(65)))
			.execute(), "filter.managerUsername", "at most 64 characters");
	}

	@Test
	void managerUsernameFilterStillFindsTheRmsClients() {
		as(this.graphQlTester, "risk_zhou").documentName("clientIds")
			.variable("filter", Map.of("managerUsername", "rm_xu"))
			.execute()
			.path("clients.edges[*].node.id").entityList(String.class)
			.satisfies(ids -> assertThat(ids).containsExactlyInAnyOrder("C-XU-1", "C-XU-2", "C-ZHAO-2"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "C-LI-1\u0000", "C-LI-1 ", "{\"$ne\":null}", "C-LI-.*", "客户", "" })
	void clientIdOutsideTheIdCharacterSetIsABadRequest(String id) {
		assertSingleInvalidArgument(as(this.graphQlTester, "risk_zhou").documentName("clientDetail")
			.variable("id", id)
			.execute(), "id", "letters, digits");
	}

	@Test
	void clientIdAtTheLengthCapIsAnUnknownClientAndOneBeyondIsABadRequest() {
		as(this.graphQlTester, "risk_zhou").documentName("clientDetail")
			.variable("id", "C".repeat(64))
			.execute()
			.path("client").valueIsNull();
		assertSingleInvalidArgument(as(this.graphQlTester, "risk_zhou").documentName("clientDetail")
			.variable("id", "C".repeat(65))
			.execute(), "id", "at most 64 characters");
	}

	private GraphQlTester.Response withCursor(String after, String field) {
		return as(this.graphQlTester, "risk_zhou").documentName("clientIds")
			.variable("after", after)
			.variable("orderBy", Map.of("field", field, "direction", "ASC"))
			.execute();
	}

	/** A cursor laid out as {@code KeysetCursor} lays it out, with whatever parts the test wants. */
	private static String cursor(String order, String type, String value, String id) {
		String raw = String.join("\u001F", order, type, value, id);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
	}

	private static void assertSingleInvalidArgument(GraphQlTester.Response response, String argument,
			String messagePart) {
		response.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies((ResponseError error) -> {
			assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
			assertThat(error.getExtensions()).containsEntry("code", "INVALID_ARGUMENT")
				.containsEntry("argument", argument);
			assertThat(error.getMessage()).contains(messagePart);
		}));
	}

}
