package com.corpbank.portal.graphql;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import com.corpbank.portal.support.PortalTest;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.TrivialDataFetcher;
import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderRegistry;
import org.dataloader.MappedBatchLoader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link LoaderFields}: the answers (null key, missing keys, one batch for all rows) on a real graphql-java execution,
 * and, in the application, that the page's loader fields reach graphql-java unwrapped (trivial, so Spring for GraphQL
 * adds no per-row context propagation or observation).
 */
@PortalTest
class LoaderFieldsTests {

	record Row(String id, String owner, List<String> helpers) {
	}

	private static final GraphQLSchema SCHEMA = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse("""
			type Query { rows: [Row] }
			type Row { id: String owner: String helpers: [String] }
			"""), RuntimeWiring.newRuntimeWiring()
		.type("Query", type -> type.dataFetcher("rows", environment -> List.of(new Row("1", "li", List.of("wang", "ghost")),
				new Row("2", null, List.of()), new Row("3", "wang", List.of("li")))))
		.type("Row", type -> type.dataFetcher("owner", LoaderFields.<Row, String, String>one("names", String.class, Row::owner))
			.dataFetcher("helpers", LoaderFields.<Row, String, String>many("names", String.class, Row::helpers)))
		.build());

	@Autowired
	GraphQlSource graphQlSource;

	@Test
	void answersFromOneBatchLeavingOutNullAndMissingKeys() {
		List<Set<String>> batches = new CopyOnWriteArrayList<>();
		MappedBatchLoader<String, String> names = keys -> {
			batches.add(Set.copyOf(keys));
			return CompletableFuture.completedFuture(Map.of("li", "李", "wang", "王"));
		};
		DataLoaderRegistry registry = new DataLoaderRegistry();
		registry.register("names", DataLoaderFactory.newMappedDataLoader(names));

		ExecutionResult result = GraphQL.newGraphQL(SCHEMA).build().execute(ExecutionInput.newExecutionInput()
			.query("{ rows { id owner helpers } }")
			.dataLoaderRegistry(registry)
			.build());

		assertThat(result.getErrors()).isEmpty();
		assertThat(result.<Map<String, Object>>getData()).isEqualTo(Map.of("rows", List.of(
				Map.of("id", "1", "owner", "李", "helpers", List.of("王")),
				mapWithNullOwner("2", List.of()),
				Map.of("id", "3", "owner", "王", "helpers", List.of("李")))));
		assertThat(batches).containsExactly(Set.of("li", "wang", "ghost"));
	}

	@Test
	void thePageLoaderFieldsReachGraphQlJavaUnwrapped() {
		GraphQLSchema schema = this.graphQlSource.schema();
		for (String coordinate : List.of("Client.primaryManager", "Client.coManagers", "Client.latestFinancials",
				"RelationshipManager.team")) {
			String[] parts = coordinate.split("\\.");
			GraphQLObjectType type = schema.getObjectType(parts[0]);
			DataFetcher<?> fetcher = schema.getCodeRegistry()
				.getDataFetcher(FieldCoordinates.coordinates(type, type.getFieldDefinition(parts[1])),
						type.getFieldDefinition(parts[1]));
			assertThat(fetcher).as(coordinate).isInstanceOf(TrivialDataFetcher.class);
		}
	}

	private static Map<String, Object> mapWithNullOwner(String id, List<String> helpers) {
		Map<String, Object> row = new HashMap<>();
		row.put("id", id);
		row.put("owner", null);
		row.put("helpers", helpers);
		return row;
	}

}
