package com.corpbank.portal.ops;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import io.micrometer.observation.ObservationPredicate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.observation.DataFetcherObservationConvention;
import org.springframework.graphql.observation.DataFetcherObservationContext;
import org.springframework.graphql.observation.ExecutionRequestObservationConvention;

/**
 * The GraphQL observations: Boot's {@code GraphQlObservationAutoConfiguration} picks up the two conventions, and its
 * observation registry applies the predicate (to metrics and spans alike).
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

	/** Which {@code graphql.datafetcher} observations happen ({@link ObservabilityProperties#dataFetchers()}). */
	@Bean
	ObservationPredicate graphQlDataFetcherObservations(ObservabilityProperties properties) {
		return (name, context) -> {
			if (!(context instanceof DataFetcherObservationContext fetch)) {
				return true;
			}
			return switch (properties.dataFetchers()) {
				case ALL -> true;
				case NONE -> false;
				case ROOT -> isRootField(fetch.getEnvironment());
			};
		};
	}

	private static boolean isRootField(DataFetchingEnvironment environment) {
		GraphQLType parent = environment.getParentType();
		GraphQLSchema schema = environment.getGraphQLSchema();
		return parent instanceof GraphQLObjectType type && (isType(type, schema.getQueryType())
				|| isType(type, schema.getMutationType()) || isType(type, schema.getSubscriptionType()));
	}

	private static boolean isType(GraphQLObjectType type, GraphQLObjectType root) {
		return root != null && root.getName().equals(type.getName());
	}

}
