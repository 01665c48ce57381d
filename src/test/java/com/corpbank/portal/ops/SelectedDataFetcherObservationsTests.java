package com.corpbank.portal.ops;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.PropertyDataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.graphql.observation.DataFetcherObservationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SelectedDataFetcherObservations} on a real graphql-java execution: which non-trivial fields get a
 * {@code graphql.datafetcher} observation in each mode, and that leaving a field out does not change its answer.
 */
class SelectedDataFetcherObservationsTests {

	// both fetchers are lambdas, so neither is trivial: only the mode decides
	private static final GraphQLSchema SCHEMA = new SchemaGenerator().makeExecutableSchema(
			new SchemaParser().parse("type Query { items: [Item] } type Item { name: String }"),
			RuntimeWiring.newRuntimeWiring()
				.type("Query", type -> type.dataFetcher("items", environment -> List.of("a", "b")))
				.type("Item", type -> type.dataFetcher("name", environment -> environment.<String>getSource().toUpperCase()))
				.build());

	@ParameterizedTest
	@CsvSource({ "ROOT, items", "ALL, items name name", "NONE, ''" })
	void observesTheSelectedFields(ObservabilityProperties.DataFetchers mode, String expected) {
		List<String> observed = new CopyOnWriteArrayList<>();
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new ObservationHandler<DataFetcherObservationContext>() {

			@Override
			public void onStart(DataFetcherObservationContext context) {
				observed.add(context.getEnvironment().getField().getName());
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return context instanceof DataFetcherObservationContext;
			}

		});
		SelectedDataFetcherObservations instrumentation = new SelectedDataFetcherObservations(registry,
				new OperationTaggingConvention(new OperationNames(10)), new FieldTaggingConvention(), null, mode);

		ExecutionResult result = GraphQL.newGraphQL(SCHEMA).instrumentation(instrumentation).build()
			.execute("{ items { name } }");

		assertThat(result.getErrors()).isEmpty();
		assertThat(result.<Map<String, Object>>getData())
			.isEqualTo(Map.of("items", List.of(Map.of("name", "A"), Map.of("name", "B"))));
		assertThat(String.join(" ", observed)).isEqualTo(expected);
	}

	/**
	 * A trivial fetcher (a property, a {@code LoaderFields} field) is never observed, so deciding that must not build
	 * its fetching environment: graphql-java hands a trivial fetcher a supplier precisely to skip that, and building it
	 * for every row and field of a page was a fifth of the page's allocation.
	 */
	@ParameterizedTest
	@EnumSource(ObservabilityProperties.DataFetchers.class)
	void leavesATrivialFetcherAloneWithoutBuildingItsEnvironment(ObservabilityProperties.DataFetchers mode) {
		SelectedDataFetcherObservations instrumentation = new SelectedDataFetcherObservations(
				ObservationRegistry.create(), new OperationTaggingConvention(new OperationNames(10)),
				new FieldTaggingConvention(), null, mode);
		DataFetcher<?> property = PropertyDataFetcher.fetching("name");
		InstrumentationFieldFetchParameters parameters = new InstrumentationFieldFetchParameters(null,
				SelectedDataFetcherObservationsTests::environmentMustNotBeBuilt, null, true);

		assertThat(instrumentation.instrumentDataFetcher(property, parameters,
				instrumentation.createState(null))).isSameAs(property);
	}

	private static DataFetchingEnvironment environmentMustNotBeBuilt() {
		throw new AssertionError("the fetching environment of a trivial field was built");
	}

}
