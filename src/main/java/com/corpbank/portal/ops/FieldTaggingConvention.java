package com.corpbank.portal.ops;

import java.util.List;
import java.util.regex.Pattern;

import graphql.GraphQLError;
import graphql.execution.DataFetcherResult;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLType;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.springframework.graphql.observation.DataFetcherObservationContext;
import org.springframework.graphql.observation.DefaultDataFetcherObservationConvention;
import org.springframework.graphql.observation.GraphQlObservationDocumentation.DataFetcherLowCardinalityKeyNames;

/**
 * {@code graphql.datafetcher} with the outcome of what the field answered, and its parent type. The stock convention
 * calls a field SUCCESS unless its fetcher threw; here the controllers' typed errors (resolved into the field's
 * result by {@code graphql.GraphQlErrorAdvice}: INVALID_ARGUMENT, FORBIDDEN, UNAVAILABLE ...) are ERROR too, with
 * {@code graphql.error.type} the error's code. Tags: {@code graphql.outcome} (SUCCESS, ERROR),
 * {@code graphql.field.name}, {@value #PARENT_KEY} (field names repeat across types) and {@code graphql.error.type}:
 * bounded by the schema and the server's own error codes (a code that is not an upper-case word is
 * {@value #OTHER_ERROR}).
 */
class FieldTaggingConvention extends DefaultDataFetcherObservationConvention {

	static final String PARENT_KEY = "graphql.field.parent";

	static final String OTHER_ERROR = "OTHER";

	private static final Pattern CODE = Pattern.compile("[A-Z][A-Z_]{0,39}");

	@Override
	public KeyValues getLowCardinalityKeyValues(DataFetcherObservationContext context) {
		GraphQLType parent = context.getEnvironment().getParentType();
		String parentName = (parent instanceof GraphQLNamedType named) ? named.getName() : "unknown";
		KeyValues values = super.getLowCardinalityKeyValues(context).and(KeyValue.of(PARENT_KEY, parentName));
		List<GraphQLError> errors = (context.getError() == null && context.getValue() instanceof DataFetcherResult<?> result)
				? result.getErrors() : List.of();
		if (errors.isEmpty()) {
			return values;
		}
		return values.and(KeyValue.of(DataFetcherLowCardinalityKeyNames.OUTCOME, "ERROR"),
				KeyValue.of(DataFetcherLowCardinalityKeyNames.ERROR_TYPE, code(errors.get(0))));
	}

	private static String code(GraphQLError error) {
		Object code = (error.getExtensions() != null) ? error.getExtensions().get("code") : null;
		if (code instanceof String text && CODE.matcher(text).matches()) {
			return text;
		}
		String type = (error.getErrorType() != null) ? error.getErrorType().toString() : "";
		return CODE.matcher(type).matches() ? type : OTHER_ERROR;
	}

}
