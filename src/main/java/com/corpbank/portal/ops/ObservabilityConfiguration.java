package com.corpbank.portal.ops;

import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.observation.DataFetcherObservationConvention;
import org.springframework.graphql.observation.DataLoaderObservationConvention;
import org.springframework.graphql.observation.ExecutionRequestObservationConvention;
import org.springframework.graphql.observation.GraphQlObservationInstrumentation;

/**
 * The GraphQL observations: the request and the selected data fetchers ({@link SelectedDataFetcherObservations}),
 * tagged by the two conventions (metrics and spans alike).
 */
@Configuration(proxyBeanMethods = false)
class ObservabilityConfiguration {

	@Bean
	ExecutionRequestObservationConvention operationTaggingConvention(ObservabilityProperties properties) {
		return new OperationTaggingConvention(new OperationNames(properties.maxOperationNames()));
	}

	@Bean
	DataFetcherObservationConvention fieldTaggingConvention() {
		return new FieldTaggingConvention();
	}

	/**
	 * Replaces Boot's instrumentation (it backs off when this bean exists) so that the fields not selected by
	 * {@link ObservabilityProperties#dataFetchers()} cost nothing per row.
	 */
	@Bean
	GraphQlObservationInstrumentation graphQlObservationInstrumentation(ObservationRegistry registry,
			ExecutionRequestObservationConvention requests, DataFetcherObservationConvention dataFetchers,
			ObjectProvider<DataLoaderObservationConvention> dataLoaders, ObservabilityProperties properties) {
		return new SelectedDataFetcherObservations(registry, requests, dataFetchers, dataLoaders.getIfAvailable(),
				properties.dataFetchers());
	}

}
