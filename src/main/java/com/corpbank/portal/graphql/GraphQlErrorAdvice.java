package com.corpbank.portal.graphql;

import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * Maps the exceptions a caller can act on to typed GraphQL errors. Anything not handled here reaches Spring for
 * GraphQL's fallback: an {@code INTERNAL_ERROR} whose message names only the execution id, never the cause.
 */
@ControllerAdvice
class GraphQlErrorAdvice {

	@GraphQlExceptionHandler
	GraphQLError invalidArgument(InvalidArgumentException ex, DataFetchingEnvironment environment) {
		return GraphqlErrorBuilder.newError(environment)
			.errorType(ErrorType.BAD_REQUEST)
			.message(ex.getMessage())
			.extensions(Map.of("code", "INVALID_ARGUMENT", "argument", ex.argument()))
			.build();
	}

}
