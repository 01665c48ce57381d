package com.corpbank.portal.graphql;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldCompleteParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SparseInstrumentationChain}: a per-field hook that no member overrides is skipped, one that a member
 * overrides still reaches it (and only it changes the result), on a real graphql-java execution.
 */
class SparseInstrumentationChainTests {

	private static final GraphQLSchema SCHEMA = new SchemaGenerator().makeExecutableSchema(
			new SchemaParser().parse("type Query { greeting: String, items: [Item] } type Item { name: String }"),
			RuntimeWiring.newRuntimeWiring()
				.type("Query", type -> type.dataFetcher("greeting", environment -> "hello")
					.dataFetcher("items", environment -> List.of(Map.of("name", "a"), Map.of("name", "b"))))
				.build());

	@Test
	void noOpMembersLeaveNoPerFieldHookActive() {
		SparseInstrumentationChain chain = new SparseInstrumentationChain(
				List.of(new SimplePerformantInstrumentation(), new Instrumentation() { }));

		assertThat(chain.activeFieldHooks()).isEmpty();
		ExecutionResult result = GraphQL.newGraphQL(SCHEMA).instrumentation(chain).build()
			.execute("{ greeting items { name } }");
		assertThat(result.getErrors()).isEmpty();
		assertThat(result.<Map<String, Object>>getData()).isEqualTo(
				Map.of("greeting", "hello", "items", List.of(Map.of("name", "a"), Map.of("name", "b"))));
	}

	@Test
	void aHookOneMemberOverridesStillReachesIt() {
		CountingInstrumentation counting = new CountingInstrumentation();
		SparseInstrumentationChain chain = new SparseInstrumentationChain(
				List.of(new SimplePerformantInstrumentation(), counting));

		assertThat(chain.activeFieldHooks()).containsExactly("beginFieldCompletion", "instrumentDataFetcher");
		ExecutionResult result = GraphQL.newGraphQL(SCHEMA).instrumentation(chain).build()
			.execute("{ greeting items { name } }");

		assertThat(result.getErrors()).isEmpty();
		// the member's fetcher wrapper upper-cases every string: it ran for greeting and both names
		assertThat(result.<Map<String, Object>>getData()).isEqualTo(
				Map.of("greeting", "HELLO", "items", List.of(Map.of("name", "A"), Map.of("name", "B"))));
		// greeting, items, and name twice
		assertThat(counting.completions).hasValue(4);
	}

	/** Overrides two per-field hooks and nothing else. */
	private static final class CountingInstrumentation extends SimplePerformantInstrumentation {

		final AtomicInteger completions = new AtomicInteger();

		@Override
		public InstrumentationContext<Object> beginFieldCompletion(InstrumentationFieldCompleteParameters parameters,
				InstrumentationState state) {
			this.completions.incrementAndGet();
			return SimpleInstrumentationContext.noOp();
		}

		@Override
		public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher,
				InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
			return environment -> {
				Object value = dataFetcher.get(environment);
				return (value instanceof String text) ? text.toUpperCase() : value;
			};
		}

	}

}
