package com.corpbank.portal.graphql;

import com.corpbank.portal.support.ClientBookFixture;
import com.corpbank.portal.support.MongoCommandCounter;
import com.corpbank.portal.support.PortalTest;
import graphql.introspection.Introspection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.TestPropertySource;

import static com.corpbank.portal.graphql.GraphQlLimitsTests.assertLimit;
import static com.corpbank.portal.graphql.GraphQlLimitsTests.tokens;
import static com.corpbank.portal.support.Testers.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Small configured limits, as an operator would set them, each at its boundary; and the developer's settings:
 * introspection and suggestions on.
 */
@PortalTest
@TestPropertySource(properties = { "spring.graphql.schema.introspection.enabled=true",
		"portal.graphql.suggestions=true", "portal.graphql.max-depth=4", "portal.graphql.max-aliases=2",
		"portal.graphql.max-root-fields=3", "portal.graphql.max-complexity=100", "portal.graphql.max-characters=300",
		"portal.graphql.max-tokens=60" })
class ConfiguredGraphQlLimitsTests {

	@Autowired
	HttpGraphQlTester graphQlTester;

	@Autowired
	MongoTemplate mongoTemplate;

	@Autowired
	MongoCommandCounter commands;

	private boolean introspectionJvmWide;

	@BeforeEach
	void loadBook() {
		new ClientBookFixture(this.mongoTemplate).load();
	}

	/**
	 * Boot switches graphql-java's introspection off JVM-wide whenever a context with it disabled starts (the default
	 * test context does) and never back on; in a JVM of its own, as in a local run, it stays on.
	 */
	@BeforeEach
	void introspectionOnJvmWideAsInALocalRun() {
		this.introspectionJvmWide = Introspection.isEnabledJvmWide();
		Introspection.enabledJvmWide(true);
	}

	@AfterEach
	void restoreIntrospectionJvmWide() {
		Introspection.enabledJvmWide(this.introspectionJvmWide);
	}

	@Test
	void depthAtTheConfiguredBoundary() {
		assertPasses("{ clients(first: 2) { edges { node { id } } } }");
		assertRefused("{ clients(first: 2) { edges { node { primaryManager { username } } } } }", "max-depth", 4);
	}

	@Test
	void aliasesAtTheConfiguredBoundary() {
		assertPasses("{ a: me { username } b: me { username } }");
		assertRefused("{ a: me { username } b: me { name: username } }", "max-aliases", 2);
	}

	@Test
	void rootFieldsAtTheConfiguredBoundary() {
		assertPasses("{ me { username } clients(first: 1) { totalCount } __typename }");
		assertRefused("{ me { username } clients(first: 1) { totalCount } __typename client(id: \"C-LI-1\") { id } }",
				"max-root-fields", 3);
	}

	@Test
	void complexityAtTheConfiguredBoundary() {
		assertPasses("{ clients(first: 50) { totalCount } }");
		assertRefused("{ clients(first: 51) { totalCount } }", "max-complexity", 100);
		// Through a variable, and through the schema default (20) when the argument is absent:
		// 20 × (1 + totalCount + edges (1 + node (1 + id))) = 20 × 5 = 100; a cursor more is 120.
		as(this.graphQlTester, "risk_zhou").document("query($n: Int) { clients(first: $n) { totalCount } }")
			.variable("n", 51)
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertLimit(error, "max-complexity", 100)));
		assertPasses("{ clients { totalCount edges { node { id } } } }");
		assertRefused("{ clients { totalCount edges { cursor node { id } } } }", "max-complexity", 100);
	}

	@Test
	void documentCharactersAtTheConfiguredBoundary() {
		String document = "{ me { username } }";
		String padded = document + "#".repeat(300 - document.length() - 1) + "\n";
		assertPasses(padded);
		assertRefused(padded + " ", "max-characters", 300);
	}

	@Test
	void tokensAtTheConfiguredBoundary() {
		assertPasses(tokens(60));
		assertRefused(tokens(61), "max-tokens", 60);
	}

	@Test
	void introspectionAnswersWhenEnabled() {
		as(this.graphQlTester, "rm_li").document("{ __schema { queryType { name } } }")
			.execute()
			.path("__schema.queryType.name")
			.entity(String.class)
			.isEqualTo("Query");
	}

	@Test
	void suggestionsNameTheFieldOrValueMeant() {
		as(this.graphQlTester, "rm_li").document("{ clients { edges { node { nam } } } }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getMessage()).contains("Did you mean 'name'?")));
		as(this.graphQlTester, "rm_li").document("{ clients(filter: { rating: AAAA }) { totalCount } }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getMessage()).contains("AAA, AA, A, BBB")));
	}

	private void assertPasses(String document) {
		as(this.graphQlTester, "risk_zhou").document(document).execute().errors().verify();
	}

	private void assertRefused(String document, String limit, int allowed) {
		this.commands.reset();
		GraphQlTester.Response response = as(this.graphQlTester, "risk_zhou").document(document).execute();
		response.errors()
			.satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> assertLimit(error, limit, allowed)));
		assertThat(this.commands.dataCommands()).as("store commands for a refused document").isEmpty();
	}

}
