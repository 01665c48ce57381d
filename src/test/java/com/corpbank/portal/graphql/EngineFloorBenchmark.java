package com.corpbank.portal.graphql;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.language.SelectionSet;
import graphql.parser.Parser;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderRegistry;
import org.dataloader.MappedBatchLoader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The engine floor of the portfolio page: what graphql-java alone costs to execute the page document
 * ({@code graphql-test/clientPage.graphql}, 50 rows) over the project's real schema and scalars and to write the
 * result as JSON with Jackson, with no Spring, no store, no HTTP and no instrumentation, over in-memory maps shaped
 * like the selection (no co-RMs: a lower bound). Two variants: graphql-java's light property fetchers only, and the
 * four per-row fields the service loads in batches ({@code latestFinancials}, {@code primaryManager},
 * {@code coManagers}, {@code team}) through {@link LoaderFields} and DataLoaders answering completed futures, with a
 * new registry per execution as per request. Whatever the service does, its CPU per page cannot go below this on the
 * same machine. Single thread; CPU time per execution from {@link ThreadMXBean}, after a warm-up long enough for C2.
 *
 * <p>Usage: {@code infra/bench/engine-floor.sh} (builds the test classpath, then runs this class).
 */
public final class EngineFloorBenchmark {

	private static final int ROWS = 50;

	private EngineFloorBenchmark() {
	}

	public static void main(String[] args) throws IOException {
		int warmup = (args.length > 0) ? Integer.parseInt(args[0]) : 5000;
		int measured = (args.length > 1) ? Integer.parseInt(args[1]) : 3000;
		String query = new String(EngineFloorBenchmark.class.getResourceAsStream("/graphql-test/clientPage.graphql")
			.readAllBytes(), StandardCharsets.UTF_8);
		System.out.printf("Engine floor of the portfolio page: %d rows; %d warm-up and %d measured executions per "
				+ "variant on one thread (%s, %d cores).%n", ROWS, warmup, measured,
				System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
				Runtime.getRuntime().availableProcessors());
		run("property fetchers only", query, false, warmup, measured);
		run("the four row fields through DataLoaders (completed futures, as the service's LoaderFields)", query, true,
				warmup, measured);
	}

	@SuppressWarnings("unchecked")
	private static void run(String variant, String query, boolean loaders, int warmup, int measured)
			throws IOException {
		GraphQLSchema schema = schema(Path.of("schema"), loaders);
		OperationDefinition operation = Parser.parse(query).getDefinitionsOfType(OperationDefinition.class).get(0);
		Map<String, Object> root = data(operation.getSelectionSet(), schema.getQueryType(), 0);
		// what the loaders answer: each row's nested objects, by the key the row holds
		Map<String, Object> byKey = new HashMap<>();
		for (Object edge : (List<?>) ((Map<?, ?>) root.get("clients")).get("edges")) {
			Map<String, Object> node = (Map<String, Object>) ((Map<?, ?>) edge).get("node");
			Map<String, Object> manager = (Map<String, Object>) node.get("primaryManager");
			byKey.put("statement:" + node.get("id"), node.get("latestFinancials"));
			byKey.put("manager:" + manager.get("username"), manager);
			byKey.put("team:" + manager.get("username"), manager.get("team"));
		}
		GraphQL graphQl = GraphQL.newGraphQL(schema).build();
		JsonMapper json = JsonMapper.builder().build();

		ExecutionResult check = graphQl.execute(input(query, root, byKey));
		if (!check.getErrors().isEmpty()) {
			throw new IllegalStateException("the page document failed: " + check.getErrors());
		}
		int fields = countFields(check.getData());
		int bytes = json.writeValueAsBytes(check.toSpecification()).length;

		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		for (int i = 0; i < warmup; i++) {
			json.writeValueAsBytes(graphQl.execute(input(query, root, byKey)).toSpecification());
		}
		long[] execute = new long[measured];
		long[] total = new long[measured];
		for (int i = 0; i < measured; i++) {
			ExecutionInput input = input(query, root, byKey);
			long start = threads.getCurrentThreadCpuTime();
			ExecutionResult result = graphQl.execute(input);
			long executed = threads.getCurrentThreadCpuTime();
			json.writeValueAsBytes(result.toSpecification());
			long written = threads.getCurrentThreadCpuTime();
			execute[i] = executed - start;
			total[i] = written - start;
		}
		Arrays.sort(execute);
		Arrays.sort(total);
		System.out.printf("%n%s: %d fields in the result, %,d bytes of JSON%n", variant, fields, bytes);
		System.out.printf("  graphql-java execute: median %.2f ms, p90 %.2f ms CPU (%.2f µs per field)%n",
				millis(execute, 50), millis(execute, 90), millis(execute, 50) * 1000 / fields);
		System.out.printf("  execute + Jackson write: median %.2f ms, p90 %.2f ms CPU%n", millis(total, 50),
				millis(total, 90));
	}

	/** A new DataLoader registry per execution, as the service makes per request. */
	private static ExecutionInput input(String query, Map<String, Object> root, Map<String, Object> byKey) {
		DataLoaderRegistry registry = new DataLoaderRegistry();
		for (String loader : List.of("statement", "manager", "team")) {
			MappedBatchLoader<String, Object> batch = keys -> {
				Map<String, Object> found = new HashMap<>();
				for (String key : keys) {
					found.put(key, byKey.get(loader + ":" + key));
				}
				return CompletableFuture.completedFuture(found);
			};
			registry.register(loader, DataLoaderFactory.newMappedDataLoader(batch));
		}
		return ExecutionInput.newExecutionInput(query).root(root).variables(Map.of("first", ROWS))
			.dataLoaderRegistry(registry).build();
	}

	@SuppressWarnings("unchecked")
	static GraphQLSchema schema(Path folder, boolean loaders) throws IOException {
		TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
		try (Stream<Path> files = Files.list(folder)) {
			for (Path file : files.filter(path -> path.toString().endsWith(".graphqls")).sorted().toList()) {
				registry.merge(new SchemaParser().parse(Files.readString(file)));
			}
		}
		RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring()
			.scalar(DecimalScalar.INSTANCE)
			.scalar(DateScalar.INSTANCE)
			.scalar(DateTimeScalar.INSTANCE);
		if (loaders) {
			wiring.type("Client", type -> type
				.dataFetcher("latestFinancials", LoaderFields.<Map<String, Object>, Object, Object>one("statement",
						Object.class, client -> client.get("id")))
				.dataFetcher("primaryManager", LoaderFields.<Map<String, Object>, Object, Object>one("manager",
						Object.class, client -> ((Map<String, Object>) client.get("primaryManager")).get("username")))
				.dataFetcher("coManagers", LoaderFields.<Map<String, Object>, Object, Object>many("manager",
						Object.class, client -> List.of())))
				.type("RelationshipManager", type -> type.dataFetcher("team", LoaderFields
					.<Map<String, Object>, Object, Object>one("team", Object.class, manager -> manager.get("username"))));
		}
		return new SchemaGenerator().makeExecutableSchema(registry, wiring.build());
	}

	/** A map per object of the selection, a value of the field's type per leaf; {@code ROWS} items for the edges. */
	private static Map<String, Object> data(SelectionSet selection, GraphQLFieldsContainer type, int row) {
		Map<String, Object> object = new LinkedHashMap<>();
		for (Field field : selection.getSelectionsOfType(Field.class)) {
			GraphQLOutputType fieldType = type.getFieldDefinition(field.getName()).getType();
			GraphQLType unwrapped = GraphQLTypeUtil.unwrapNonNull(fieldType);
			if (unwrapped instanceof GraphQLList list) {
				GraphQLType item = GraphQLTypeUtil.unwrapAll(list);
				int size = field.getName().equals("edges") ? ROWS : 0;
				List<Object> items = new ArrayList<>();
				for (int i = 0; i < size; i++) {
					items.add(value(field, item, i));
				}
				object.put(field.getName(), items);
			}
			else {
				object.put(field.getName(), value(field, GraphQLTypeUtil.unwrapAll(fieldType), row));
			}
		}
		return object;
	}

	private static Object value(Field field, GraphQLType type, int row) {
		if (type instanceof GraphQLFieldsContainer container) {
			return data(field.getSelectionSet(), container, row);
		}
		if (type instanceof GraphQLEnumType enumType) {
			return enumType.getValues().get(row % enumType.getValues().size()).getName();
		}
		return switch (((GraphQLScalarType) type).getName()) {
			case "Int" -> row + 1;
			case "Float" -> row + 0.5;
			case "Boolean" -> row % 2 == 0;
			case "Decimal" -> new BigDecimal("123456789.12").add(BigDecimal.valueOf(row));
			case "Date" -> LocalDate.of(2025, 12, 31).minusDays(row);
			case "DateTime" -> OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(8));
			default -> field.getName() + "-" + row;
		};
	}

	@SuppressWarnings("unchecked")
	private static int countFields(Object value) {
		if (value instanceof Map<?, ?> map) {
			int count = 0;
			for (Object child : map.values()) {
				count += 1 + countFields(child);
			}
			return count;
		}
		if (value instanceof List<?> list) {
			int count = 0;
			for (Object item : list) {
				count += countFields(item);
			}
			return count;
		}
		return 0;
	}

	private static double millis(long[] sortedNanos, int percentile) {
		int index = Math.min(sortedNanos.length - 1, (int) Math.ceil(percentile / 100.0 * sortedNanos.length) - 1);
		return sortedNanos[Math.max(index, 0)] / 1e6;
	}

}
