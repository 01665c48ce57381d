package com.corpbank.portal.graphql;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import graphql.TrivialDataFetcher;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ResolvableType;
import org.springframework.graphql.execution.SelfDescribingDataFetcher;

/**
 * Data fetchers for fields that a DataLoader answers from a key held by the parent object ({@code Client.primaryManager}
 * by username, {@code RelationshipManager.team} by team code ...), for the fields a page resolves once per row.
 *
 * <p>They are {@link TrivialDataFetcher}s on purpose. The fetcher itself only hands a key to the loader: it reads no
 * thread-local state and touches no store (the loader's batch function runs later, with the request's context restored
 * by Spring for GraphQL's batch loader registry). Spring for GraphQL neither wraps a trivial fetcher for context
 * propagation nor observes it, so the loader's future goes straight to graphql-java; a controller method doing the
 * same costs a handler invocation, a context snapshot and a CompletableFuture-to-Mono-to-CompletableFuture round trip
 * per row and field, ~12% of a 50-row page's CPU over its four loader fields. A field with a permission rule is still
 * wrapped by {@code access.PermissionWiring} (its check then runs with the full context), so this is only for fields
 * whose rows are already scoped by their parent.
 */
public final class LoaderFields {

	private LoaderFields() {
	}

	/**
	 * The loader's value for the key, or null when the key is null or the loader has none.
	 * @param valueType what the loader answers, for Spring for GraphQL's schema inspection
	 */
	public static <S, K, V> DataFetcher<CompletableFuture<@Nullable V>> one(String loaderName, Class<V> valueType,
			Function<S, @Nullable K> key) {
		return new One<>(loaderName, ResolvableType.forClass(valueType), key);
	}

	/**
	 * The loader's values for the keys, in key order, leaving out the keys it has none for.
	 * @param valueType what the loader answers per key, for Spring for GraphQL's schema inspection
	 */
	public static <S, K, V> DataFetcher<CompletableFuture<List<V>>> many(String loaderName, Class<V> valueType,
			Function<S, List<K>> keys) {
		return new Many<>(loaderName, ResolvableType.forClassWithGenerics(List.class, valueType), keys);
	}

	private static <K, V> DataLoader<K, V> loader(DataFetchingEnvironment environment, String name) {
		DataLoader<K, V> loader = environment.getDataLoader(name);
		if (loader == null) {
			throw new IllegalStateException("No DataLoader named " + name + " is registered");
		}
		return loader;
	}

	/** Trivial, and self-describing so that the schema inspection still checks the fields of the value's type. */
	private interface LoaderField<T> extends TrivialDataFetcher<T>, SelfDescribingDataFetcher<T> {

		String loaderName();

		@Override
		default String getDescription() {
			return "DataLoader " + loaderName();
		}

		@Override
		default boolean usesDataLoader() {
			return true;
		}

	}

	private record One<S, K, V>(String loaderName, ResolvableType getReturnType, Function<S, @Nullable K> key)
			implements LoaderField<CompletableFuture<@Nullable V>> {

		@Override
		public CompletableFuture<@Nullable V> get(DataFetchingEnvironment environment) {
			K value = this.key.apply(environment.getSource());
			if (value == null) {
				return CompletableFuture.completedFuture(null);
			}
			return LoaderFields.<K, V>loader(environment, this.loaderName).load(value);
		}

	}

	private record Many<S, K, V>(String loaderName, ResolvableType getReturnType, Function<S, List<K>> keys)
			implements LoaderField<CompletableFuture<List<V>>> {

		@Override
		public CompletableFuture<List<V>> get(DataFetchingEnvironment environment) {
			List<K> values = this.keys.apply(environment.getSource());
			if (values.isEmpty()) {
				return CompletableFuture.completedFuture(List.of());
			}
			return LoaderFields.<K, V>loader(environment, this.loaderName).loadMany(values)
				.thenApply(found -> found.stream().filter(Objects::nonNull).toList());
		}

	}

}
