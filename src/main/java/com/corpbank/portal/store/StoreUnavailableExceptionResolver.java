package com.corpbank.portal.store;

import java.util.Map;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoServerUnavailableException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * The store down or unreachable becomes one clean GraphQL error per failed field, {@code extensions.code =
 * UNAVAILABLE}, that says to try again; the driver's text (hosts, ports, cluster state) stays in the log. The driver
 * reconnects by itself once the store is back, so the next request simply works.
 */
@Component
class StoreUnavailableExceptionResolver extends DataFetcherExceptionResolverAdapter {

	static final String CODE = "UNAVAILABLE";

	static final String MESSAGE = "The client book is unavailable at the moment; please try again shortly.";

	private static final Logger log = LoggerFactory.getLogger(StoreUnavailableExceptionResolver.class);

	@Override
	protected @Nullable GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment environment) {
		if (!isOutage(ex)) {
			return null;
		}
		// One line per failure, no stack trace: an outage fails every request, and the cause is the same.
		log.warn("Store unavailable for {}: {}", environment.getExecutionStepInfo().getPath(), rootMessage(ex));
		return GraphqlErrorBuilder.newError(environment)
			.errorType(ErrorType.INTERNAL_ERROR)
			.message(MESSAGE)
			.extensions(Map.of("code", CODE))
			.build();
	}

	/**
	 * Spring's translation of a connection failure, or the driver's own errors of a store that is down, unreachable
	 * or failing over (no primary for a moment), at any depth of the cause chain.
	 */
	static boolean isOutage(@Nullable Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() == cause) ? null : cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof MongoTimeoutException
					|| cause instanceof MongoSocketException || cause instanceof MongoServerUnavailableException
					|| cause instanceof MongoConnectionPoolClearedException
					|| cause instanceof MongoNotPrimaryException || cause instanceof MongoNodeIsRecoveringException) {
				return true;
			}
		}
		return false;
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

}
