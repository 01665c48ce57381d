package com.corpbank.portal.graphql;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.corpbank.portal.support.ClientBookFixture;
import com.corpbank.portal.support.MongoCommandCounter;
import com.corpbank.portal.support.PortalTest;
import graphql.introspection.Introspection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static com.corpbank.portal.support.Testers.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production defaults of {@link GraphQlLimitsProperties}, over HTTP: the SPA's largest document passes, the
 * hostile documents found by trying the service are refused with a named limit before any store command, and the most
 * expensive document the limits let through costs a bounded number of store commands.
 */
@PortalTest
class GraphQlLimitsTests {

	/** Every field of a client, as the SPA's portfolio page asks for it. */
	static final String FULL_PAGE = """
			totalCount
			edges {
			  cursor
			  node {
			    id name uscc region size lifecycleStage
			    industry { section sectionName code name }
			    valueTier { tier score modelVersion evaluatedOn }
			    risk { rating fiveCategory ratedOn }
			    latestFinancials { period periodEnd currency revenue netProfit totalAssets totalLiabilities debtRatio }
			    primaryManager { username displayName team { code name type } }
			    coManagers { username displayName team { code name type } }
			  }
			}
			pageInfo { hasNextPage endCursor }
			""";

	@Autowired
	HttpGraphQlTester graphQlTester;

	@Autowired
	MongoTemplate mongoTemplate;

	@Autowired
	MongoCommandCounter commands;

	@Autowired
	GraphQlLimitsProperties limits;

	@Autowired
	GraphQlSource graphQlSource;

	@BeforeEach
	void loadBook() {
		ClientBookFixture fixture = new ClientBookFixture(this.mongoTemplate);
		fixture.load();
		fixture.addBulkClients("rm_li", 120);
	}

	@Test
	void applicationYmlStatesTheRecordsDefaults() {
		assertThat(this.limits).isEqualTo(GraphQlLimitsProperties.defaults());
	}

	@Test
	void theSpasLargestDocumentPasses() {
		String document = "{ me { username displayName roles orgUnit { code name type } } clients(first: 100) { "
				+ FULL_PAGE + " } }";
		as(this.graphQlTester, "risk_zhou").document(document)
			.execute()
			.path("clients.edges")
			.entityList(Object.class)
			.hasSize(100)
			.path("me.username")
			.entity(String.class)
			.isEqualTo("risk_zhou");
	}

	@Test
	void fiveHundredAliasedCountsAreRefusedBeforeTheStore() {
		// The defect: 1,000 store commands and 3.4 s.
		assertRefusedBeforeTheStore(aliases(500, "clients(first: 1) { totalCount }"), "max-characters", 10_000);
	}

	@Test
	void fiveHundredAliasedCountsInACompactDocumentAreRefusedBeforeTheStore() {
		// The same request written tightly (8.5 KB) stays under max-characters: the token count stops it.
		String document = "fragment c on ClientConnection{totalCount}" + IntStream.range(0, 500)
			.mapToObj(i -> "a" + i + ":clients{...c}")
			.collect(Collectors.joining(" ", "{", "}"));
		assertThat(document.length()).isLessThan(10_000);
		assertRefusedBeforeTheStore(document, "max-tokens", 2000);
	}

	@Test
	void aHundredAliasedFullPagesAreRefusedBeforeTheStore() {
		// The defect: 9 MB answered. Through a fragment the document is short, so the root-field limit speaks first.
		String document = "fragment page on ClientConnection { " + FULL_PAGE + " }\n"
				+ aliases(100, "clients(first: 100) { ...page }");
		assertRefusedBeforeTheStore(document, "max-root-fields", 10);
	}

	@Test
	void twoFullPagesOfAHundredExceedTheComplexityBudget() {
		String document = "fragment page on ClientConnection { " + FULL_PAGE + " }\n"
				+ "{ a: clients(first: 100) { ...page } b: clients(first: 100) { ...page } }";
		assertRefusedBeforeTheStore(document, "max-complexity", 6000);
	}

	@Test
	void complexityBudgetAtTheBoundary() {
		// clients(first: n) { totalCount } costs n × 2: 3,000 is exactly the budget, 3,001 one page row more.
		assertRefusedBeforeTheStore("{ clients(first: 3001) { totalCount } }", "max-complexity", 6000);
		// Within the budget the request reaches the controller, which caps a page at 100 rows itself.
		as(this.graphQlTester, "risk_zhou").document("{ clients(first: 3000) { totalCount } }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "INVALID_ARGUMENT")));
	}

	@Test
	void rootFieldsAtTheBoundary() {
		assertPasses(aliases(10, "me { username }"));
		assertRefusedBeforeTheStore(aliases(11, "me { username }"), "max-root-fields", 10);
	}

	@Test
	void aliasesAtTheBoundaryCountNestedAliasesAndFragments() {
		// 2 root aliases + 18 nested ones (9 per page, one of them through a fragment) = 20.
		String nineNested = "edges { n1: node { i1: id i2: id i3: id i4: id i5: id i6: id i7: id } }";
		String withinLimit = "fragment more on ClientConnection { c8: totalCount }\n{ a: clients(first: 1) { "
				+ nineNested + " ...more } b: clients(first: 1) { " + nineNested + " ...more } }";
		assertPasses(withinLimit);
		assertRefusedBeforeTheStore(withinLimit.replace(" ...more } }", " ...more x: totalCount } }"),
				"max-aliases", 20);
	}

	@Test
	void documentCharactersAtTheBoundary() {
		String document = "{ me { username } }";
		String padded = document + "#".repeat(10_000 - document.length() - 1) + "\n";
		assertThat(padded).hasSize(10_000);
		assertPasses(padded);
		assertRefusedBeforeTheStore(padded + " ", "max-characters", 10_000);
	}

	@Test
	void tokensAtTheBoundary() {
		assertPasses(tokens(2000));
		assertRefusedBeforeTheStore(tokens(2001), "max-tokens", 2000);
	}

	@Test
	void theMostExpensiveDocumentWithinTheLimitsCostsBoundedStoreCommands() {
		// max-root-fields (10) roots, each a client page with every nested field: a page costs 6 commands (page,
		// count, primaryManager, coManagers, latestFinancials, RelationshipManager.team), so at most 10 × 6 = 60.
		// Pages of 10 keep the complexity (10 × 10 × 50 = 5,000) within the budget.
		String document = "fragment page on ClientConnection { " + FULL_PAGE + " }\n"
				+ aliases(this.limits.maxRootFields(), "clients(first: 10) { ...page }");
		this.commands.reset();
		as(this.graphQlTester, "risk_zhou").document(document)
			.execute()
			.path("a9.edges")
			.entityList(Object.class)
			.hasSize(10);
		assertThat(this.commands.dataCommands()).hasSizeBetween(1, this.limits.maxRootFields() * 6);
	}

	@Test
	void introspectionIsOffByDefaultEvenWhenGraphQlJavasJvmWideSwitchIsOn() {
		// The setting is this application's own, whatever another context in the JVM did to graphql-java's switch.
		boolean jvmWide = Introspection.isEnabledJvmWide();
		Introspection.enabledJvmWide(true);
		try {
			assertIntrospectionRefused();
		}
		finally {
			Introspection.enabledJvmWide(jvmWide);
		}
	}

	private void assertIntrospectionRefused() {
		for (String document : new String[] { "{ __schema { queryType { name } } }",
				"{ __type(name: \"Client\") { fields { name } } }" }) {
			GraphQlTester.Response response = as(this.graphQlTester, "risk_zhou").document(document).execute();
			response.errors()
				.satisfy(errors -> assertThat(errors).singleElement()
					.satisfies(error -> assertThat(error.getErrorType().toString()).isEqualTo("IntrospectionDisabled")));
			response.path("__schema.queryType.name").pathDoesNotExist().path("__type.fields").pathDoesNotExist();
		}
		// __typename is not introspection of the schema, and clients rely on it.
		as(this.graphQlTester, "risk_zhou").document("{ __typename }")
			.execute()
			.path("__typename")
			.entity(String.class)
			.isEqualTo("Query");
	}

	@Test
	void withoutSuggestionsAMisspelledFieldNamesNoOtherField() {
		as(this.graphQlTester, "rm_li").document("{ clients { edges { node { nam } } } }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
				assertThat(error.getMessage()).contains("'nam'").doesNotContain("'name'", "uscc", "Did you mean");
			}));
		as(this.graphQlTester, "rm_li").document("{ clients(filter: { rating: AAAA }) { totalCount } }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getMessage()).contains("AAAA").doesNotContain("BBB", "CCC")));
	}

	private void assertPasses(String document) {
		as(this.graphQlTester, "risk_zhou").document(document).execute().errors().verify();
	}

	private void assertRefusedBeforeTheStore(String document, String limit, int allowed) {
		this.commands.reset();
		GraphQlTester.Response response = as(this.graphQlTester, "risk_zhou").document(document).execute();
		response.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> assertLimit(error,
				limit, allowed)));
		response.path("clients").pathDoesNotExist();
		assertThat(this.commands.dataCommands()).as("store commands for a refused document").isEmpty();
	}

	static void assertLimit(ResponseError error, String limit, int allowed) {
		assertThat(error.getErrorType().toString()).isEqualTo("BAD_REQUEST");
		assertThat(error.getExtensions()).containsEntry("code", "LIMIT_EXCEEDED")
			.containsEntry("limit", limit)
			.containsEntry("allowed", allowed);
		assertThat(error.getMessage()).contains(limit).contains(String.valueOf(allowed));
	}

	/** {@code { a0: field a1: field ... }}. */
	static String aliases(int count, String field) {
		return IntStream.range(0, count)
			.mapToObj(i -> "a" + i + ": " + field)
			.collect(Collectors.joining("\n", "{\n", "\n}"));
	}

	/**
	 * A valid document of exactly {@code count} parser tokens as graphql-java counts them: the end of the document is
	 * one, {@code { client ( id : "C-LI-1" ) { } }} are ten, and each {@code id} one more (repeats of a field merge).
	 */
	static String tokens(int count) {
		return "{ client(id: \"C-LI-1\") {" + " id".repeat(count - 11) + " } }";
	}

	/** The limits and the observations run as one sparse chain: per field, only the observations' fetcher hook. */
	@Test
	void theInstrumentationsRunAsASparseChain() {
		assertThat(this.graphQlSource.graphQl().getInstrumentation()).isInstanceOfSatisfying(
				SparseInstrumentationChain.class, chain -> {
					assertThat(chain.getInstrumentations()).hasAtLeastOneElementOfType(GraphQlLimitsInstrumentation.class);
					assertThat(chain.activeFieldHooks()).containsExactly("instrumentDataFetcher");
				});
	}

}
