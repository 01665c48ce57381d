package com.corpbank.portal.ops;

import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLType;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.springframework.graphql.observation.DataFetcherObservationContext;
import org.springframework.graphql.observation.DefaultDataFetcherObservationConvention;

/**
 * {@code graphql.datafetcher} with the field's parent type as one more tag ({@value #PARENT_KEY}), since field names
 * repeat across types; both are bounded by the schema. The stock tags stay: {@code graphql.outcome} (SUCCESS, ERROR),
 * {@code graphql.field.name} and {@code graphql.error.type} (the exception's class name, bounded by the code).
 */
class FieldTaggingConvention extends DefaultDataFetcherObservationConvention {

	static final String PARENT_KEY = "graphql.field.parent";

	@Override
	public KeyValues getLowCardinalityKeyValues(DataFetcherObservationContext context) {
		GraphQLType parent = context.getEnvironment().getParentType();
		String parentName = (parent instanceof GraphQLNamedType named) ? named.getName() : "unknown";
		return super.getLowCardinalityKeyValues(context).and(KeyValue.of(PARENT_KEY, parentName));
	}

}
