package com.corpbank.portal.graphql;

import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.springframework.graphql.execution.ErrorType;

/**
 * A request refused by one of {@link GraphQlLimitsProperties}: the error names the limit (its property name) and the
 * allowed value, so the caller knows what to change and an operator knows what to raise.
 */
final class LimitExceeded extends RuntimeException {

	private final String limit;

	private final int allowed;

	LimitExceeded(String limit, int allowed, String message) {
		// A refusal is an answer, not a fault: no stack trace to fill.
		super(message, null, false, false);
		this.limit = limit;
		this.allowed = allowed;
	}

	String limit() {
		return this.limit;
	}

	int allowed() {
		return this.allowed;
	}

	GraphQLError toError() {
		return GraphqlErrorBuilder.newError()
			.errorType(ErrorType.BAD_REQUEST)
			.message("%s", getMessage())
			.extensions(Map.of("code", "LIMIT_EXCEEDED", "limit", this.limit, "allowed", this.allowed))
			.build();
	}

}
