package com.corpbank.portal.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.corpbank.portal.support.ClientBookFixture;
import com.corpbank.portal.support.PortalTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
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

}
