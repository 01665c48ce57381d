package com.corpbank.portal.ops;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.observation.DataFetcherObservationConvention;
import org.springframework.graphql.observation.DataLoaderObservationConvention;
import org.springframework.graphql.observation.ExecutionRequestObservationConvention;
import org.springframework.graphql.observation.GraphQlObservationInstrumentation;

/**
 * Spring for GraphQL's observations, with {@code graphql.datafetcher} only for the data fetchers
 * {@link ObservabilityProperties#dataFetchers()} selects. A field left out is not instrumented at all: an observation
 * predicate would only switch the timer off after the observation context, a copy of the GraphQL context and a new
 * fetching environment had been made for it, once per row and field of a page.
 */
class SelectedDataFetcherObservations extends GraphQlObservationInstrumentation {

	private final ObservabilityProperties.DataFetchers selected;

	SelectedDataFetcherObservations(ObservationRegistry registry, ExecutionRequestObservationConvention requests,
			DataFetcherObservationConvention dataFetchers, @Nullable DataLoaderObservationConvention dataLoaders,
			ObservabilityProperties.DataFetchers selected) {
		super(registry, requests, dataFetchers, dataLoaders);
		this.selected = selected;
	}

	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
			InstrumentationState state) {
		// Spring never observes a trivial fetcher either; asking for its path first would build the fetching
		// environment graphql-java spares trivial fetchers, for every row and field of a page.
		if (parameters.isTrivialDataFetcher()) {
			return dataFetcher;
		}
		boolean observed = switch (this.selected) {
			case ALL -> true;
			case NONE -> false;
			// level 1 of the result path: a field of Query, Mutation or Subscription
			case ROOT -> parameters.getExecutionStepInfo().getPath().getLevel() == 1;
		};
		return observed ? super.instrumentDataFetcher(dataFetcher, parameters, state) : dataFetcher;
	}

}
