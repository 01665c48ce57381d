package com.corpbank.portal.access;

import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.web.bind.annotation.ControllerAdvice;

/** A query the caller's roles do not allow is a typed FORBIDDEN error, with no detail beyond the operation. */
@ControllerAdvice
class AccessErrorAdvice {

	@GraphQlExceptionHandler
	GraphQLError forbidden(OperationForbiddenException ex, DataFetchingEnvironment environment) {
		return GraphqlErrorBuilder.newError(environment)
			.errorType(ErrorType.FORBIDDEN)
			.message("Your roles do not allow " + environment.getField().getName() + ".")
			.extensions(Map.of("code", "FORBIDDEN"))
			.build();
	}

}
