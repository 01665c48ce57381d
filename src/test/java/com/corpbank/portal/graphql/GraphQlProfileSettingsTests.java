package com.corpbank.portal.graphql;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.introspection.Introspection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * What {@code application.yml} (production) and {@code application-local.yml} (the developer's run) set: introspection
 * and suggestions off in production and on locally, and limits that let GraphiQL's own introspection query through
 * locally. Read from the YAML files themselves, so an edit to them is tested.
 */
class GraphQlProfileSettingsTests {

	private boolean introspectionJvmWide;

	/** A Spring context of another test may have switched graphql-java's introspection off JVM-wide. */
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
	void productionTurnsIntrospectionAndSuggestionsOff() throws IOException {
		Binder production = binder("application.yml");
		assertThat(production.bind("spring.graphql.schema.introspection.enabled", Boolean.class).get()).isFalse();
		assertThat(production.bind("portal.graphql", GraphQlLimitsProperties.class).get().suggestions()).isFalse();
	}

	@Test
	void theLocalRunTurnsIntrospectionAndSuggestionsOn() throws IOException {
		Binder local = binder("application.yml", "application-local.yml");
		assertThat(local.bind("spring.graphql.schema.introspection.enabled", Boolean.class).get()).isTrue();
		assertThat(local.bind("portal.graphql", GraphQlLimitsProperties.class).get().suggestions()).isTrue();
	}

	@Test
	void theLocalRunLetsGraphiQlIntrospect() throws IOException {
		GraphQlLimitsProperties local = binder("application.yml", "application-local.yml")
			.bind("portal.graphql", GraphQlLimitsProperties.class)
			.get();
		ExecutionResult result = portalGraphQl(local).execute(graphiQlIntrospectionQuery());
		assertThat(result.getErrors()).isEmpty();
		assertThat(result.<Map<String, Object>>getData()).containsKey("__schema");
	}

	@Test
	void productionLimitsWouldRefuseThatIntrospectionQueryByDepth() throws IOException {
		GraphQlLimitsProperties production = binder("application.yml").bind("portal.graphql", GraphQlLimitsProperties.class)
			.get();
		ExecutionResult result = portalGraphQl(production).execute(graphiQlIntrospectionQuery());
		assertThat(result.getErrors()).singleElement()
			.satisfies(error -> assertThat(error.getExtensions()).containsEntry("limit", "max-depth"));
	}

	@Test
	void productionDepthAtTheBoundaryThroughIntrospectionTypes() throws IOException {
		// The data schema has no cycle deeper than 6; introspection's ofType chain is how a document gets deeper.
		GraphQL graphQl = portalGraphQl(GraphQlLimitsProperties.defaults());
		String depthTen = "{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } }";
		assertThat(graphQl.execute(depthTen).getErrors()).isEmpty();
		List<GraphQLError> errors = graphQl.execute(depthTen.replace("{ name }", "{ ofType { name } }")).getErrors();
		assertThat(errors).singleElement().satisfies(error -> {
			assertThat(error.getExtensions()).containsEntry("code", "LIMIT_EXCEEDED")
				.containsEntry("limit", "max-depth")
				.containsEntry("allowed", 10);
			assertThat(error.getMessage()).isEqualTo("Field 'name' is nested 11 deep; max-depth allows 10.");
		});
	}

	@Test
	void fragmentCyclesAreStillRefusedByValidation() throws IOException {
		List<GraphQLError> errors = portalGraphQl(GraphQlLimitsProperties.defaults())
			.execute("{ me { ...a } } fragment a on Me { orgUnit { code } ...b } fragment b on Me { ...a }")
			.getErrors();
		assertThat(errors).isNotEmpty()
			.allSatisfy(error -> assertThat(error.getErrorType().toString()).isEqualTo("ValidationError"));
		assertThat(errors).anySatisfy(error -> assertThat(error.getMessage()).contains("Fragment cycles not allowed"));
	}

	@Test
	void aFragmentBombIsPricedAsItRunsAndRefusedQuickly() throws IOException {
		// Each fragment spreads the next one twice: written out it would be 2^25 fields; merged as execution merges
		// it, it is a handful, so the walk stays small and the aliases are what the document really has.
		StringBuilder document = new StringBuilder("{ me { ...f0 } }\n");
		for (int i = 0; i < 25; i++) {
			document.append("fragment f").append(i).append(" on Me { u").append(i).append(": username ...f")
				.append(i + 1).append(" ...f").append(i + 1).append(" }\n");
		}
		document.append("fragment f25 on Me { username }\n");
		long started = System.nanoTime();
		List<GraphQLError> errors = portalGraphQl(GraphQlLimitsProperties.defaults()).execute(document.toString())
			.getErrors();
		assertThat(System.nanoTime() - started).as("nanoseconds to refuse").isLessThan(2_000_000_000L);
		assertThat(errors).singleElement()
			.satisfies(error -> assertThat(error.getExtensions()).containsEntry("limit", "max-aliases"));
	}

	@Test
	void aLimitBelowOneIsRefusedAtStartUp() {
		assertThatIllegalArgumentException().isThrownBy(() -> new GraphQlLimitsProperties(10, 20, 0, 6000, 10_000, 2000,
				false))
			.withMessage("portal.graphql.max-root-fields must be at least 1, not 0");
	}

	/** The portal's schema with its scalars and no data fetchers: refusals happen before any field is fetched. */
	static GraphQL portalGraphQl(GraphQlLimitsProperties limits) throws IOException {
		TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
		for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath:graphql/*.graphqls")) {
			registry.merge(new SchemaParser().parse(file.getContentAsString(StandardCharsets.UTF_8)));
		}
		GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(registry, RuntimeWiring.newRuntimeWiring()
			.scalar(DecimalScalar.INSTANCE)
			.scalar(DateScalar.INSTANCE)
			.scalar(DateTimeScalar.INSTANCE)
			.build());
		return GraphQL.newGraphQL(schema).instrumentation(new GraphQlLimitsInstrumentation(limits, true)).build();
	}

	private static String graphiQlIntrospectionQuery() throws IOException {
		return new ClassPathResource("graphql-test/graphiqlIntrospection.graphql")
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private static Binder binder(String... files) throws IOException {
		MutablePropertySources sources = new MutablePropertySources();
		List<PropertySource<?>> loaded = new ArrayList<>();
		for (String file : files) {
			loaded.addAll(new YamlPropertySourceLoader().load(file, new ClassPathResource(file)));
		}
		// Later files win, as profile files do over application.yml.
		for (PropertySource<?> source : loaded) {
			sources.addFirst(source);
		}
		return new Binder(ConfigurationPropertySources.from(sources));
	}

}
