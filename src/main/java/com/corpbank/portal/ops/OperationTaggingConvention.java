package com.corpbank.portal.ops;

import graphql.execution.ExecutionContext;
import graphql.language.OperationDefinition;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.springframework.graphql.observation.DefaultExecutionRequestObservationConvention;
import org.springframework.graphql.observation.ExecutionRequestObservationContext;

/**
 * {@code graphql.request} with one more low-cardinality tag, {@value #OPERATION_KEY}: the executed operation's name
 * from its document (not the request's {@code operationName} field, which may be absent), bounded by
 * {@link OperationNames}. The stock tags stay: {@code graphql.outcome} (SUCCESS, REQUEST_ERROR, INTERNAL_ERROR) and
 * {@code graphql.operation.type}; the unbounded {@code graphql.operation.name} stays a high-cardinality key (spans
 * only, never a metric).
 */
class OperationTaggingConvention extends DefaultExecutionRequestObservationConvention {

	static final String OPERATION_KEY = "graphql.operation";

	private final OperationNames names;

	OperationTaggingConvention(OperationNames names) {
		this.names = names;
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(ExecutionRequestObservationContext context) {
		return super.getLowCardinalityKeyValues(context).and(operation(context));
	}

	private KeyValue operation(ExecutionRequestObservationContext context) {
		ExecutionContext execution = context.getExecutionContext();
		if (execution == null || execution.getOperationDefinition() == null) {
			// Never executed: unparsable, invalid or refused before execution. Its name proves nothing.
			return KeyValue.of(OPERATION_KEY, OperationNames.OTHER);
		}
		OperationDefinition operation = execution.getOperationDefinition();
		return KeyValue.of(OPERATION_KEY, this.names.tagFor(operation.getName()));
	}

}
