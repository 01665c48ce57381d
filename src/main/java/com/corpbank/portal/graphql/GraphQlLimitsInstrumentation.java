package com.corpbank.portal.graphql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.InvalidSyntaxError;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.introspection.Introspection;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.schema.idl.TypeInfo;
import graphql.language.VariableDefinition;
import graphql.parser.ParserOptions;
import graphql.parser.exceptions.ParseCancelledException;
import graphql.parser.exceptions.ParseCancelledTooDeepException;
import graphql.parser.exceptions.ParseCancelledTooManyCharsException;
import org.jspecify.annotations.Nullable;

/**
 * Enforces {@link GraphQlLimitsProperties} at the three points graphql-java offers, each before any data fetcher
 * runs: the document's length before parsing, the parser's token count while parsing ({@link ParserOptions} in the
 * request's {@code GraphQLContext}), and depth, aliases, root fields and complexity once the document is valid
 * ({@link OperationCost}). It also marks each request with the application's introspection setting. Then every error of the result goes through {@link ErrorMessages}, so parser, validation
 * and coercion messages reach the client in GraphQL terms, without Java internals.
 */
final class GraphQlLimitsInstrumentation implements Instrumentation {

	private final GraphQlLimitsProperties limits;

	private final ParserOptions parserOptions;

	private final ErrorMessages errorMessages;

	private final boolean introspection;

	/**
	 * @param introspection {@code spring.graphql.schema.introspection.enabled}; when false every request is marked so
	 * that graphql-java refuses {@code __schema} and {@code __type}. Boot only flips graphql-java's JVM-wide switch,
	 * which one application can turn off for another in the same JVM and nothing turns back on; the mark makes the
	 * setting this application's own.
	 */
	GraphQlLimitsInstrumentation(GraphQlLimitsProperties limits, boolean introspection) {
		this.limits = limits;
		this.introspection = introspection;
		this.parserOptions = ParserOptions.getDefaultOperationParserOptions()
			.transform(options -> options.maxCharacters(limits.maxCharacters())
				.maxTokens(limits.maxTokens())
				// Whitespace never outnumbers characters, which are capped already.
				.maxWhitespaceTokens(Math.max(limits.maxCharacters(), 1)));
		this.errorMessages = new ErrorMessages(limits.suggestions());
	}

	@Override
	public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
		return new RequestState();
	}

	@Override
	public ExecutionInput instrumentExecutionInput(ExecutionInput executionInput,
			InstrumentationExecutionParameters parameters, InstrumentationState state) {
		int length = executionInput.getQuery().length();
		if (length > this.limits.maxCharacters()) {
			throw abort(new LimitExceeded("max-characters", this.limits.maxCharacters(), "The document has " + length
					+ " characters; max-characters allows " + this.limits.maxCharacters() + "."));
		}
		executionInput.getGraphQLContext().put(ParserOptions.class, this.parserOptions);
		if (!this.introspection) {
			executionInput.getGraphQLContext().put(Introspection.INTROSPECTION_DISABLED, true);
		}
		return executionInput;
	}

	@Override
	public InstrumentationContext<Document> beginParse(InstrumentationExecutionParameters parameters,
			InstrumentationState state) {
		return SimpleInstrumentationContext.whenCompleted((document, failure) -> {
			if (state instanceof RequestState request) {
				request.parseFailure = failure;
				request.declaredTypes = (document != null) ? declaredTypes(document) : Map.of();
			}
		});
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		ExecutionContext context = parameters.getExecutionContext();
		LimitExceeded exceeded = OperationCost.check(context.getGraphQLSchema(), context.getOperationDefinition(),
				context.getFragmentsByName(), context.getCoercedVariables().toMap(), this.limits);
		if (exceeded != null) {
			throw abort(exceeded);
		}
		return SimpleInstrumentationContext.noOp();
	}

	@Override
	public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
			InstrumentationExecutionParameters parameters, InstrumentationState state) {
		if (result.getErrors().isEmpty()) {
			return CompletableFuture.completedFuture(result);
		}
		Throwable parseFailure = (state instanceof RequestState request) ? request.parseFailure : null;
		Map<String, String> declaredTypes = (state instanceof RequestState request) ? request.declaredTypes : Map.of();
		if (declaredTypes.isEmpty()) {
			// a document served by PreparsedDocuments was not parsed for this request
			declaredTypes = parameters.getExecutionInput().getGraphQLContext()
				.getOrDefault(PreparsedDocuments.DECLARED_TYPES, Map.of());
		}
		List<GraphQLError> errors = new ArrayList<>();
		for (GraphQLError error : result.getErrors()) {
			LimitExceeded parserLimit = (error instanceof InvalidSyntaxError) ? parserLimit(parseFailure) : null;
			errors.add((parserLimit != null) ? parserLimit.toError()
					: this.errorMessages.clean(error, parameters.getSchema(),
							parameters.getExecutionInput().getVariables(), declaredTypes));
		}
		return CompletableFuture.completedFuture(result.transform(builder -> builder.errors(errors)));
	}

	/** The limit behind a cancelled parse, or null when the syntax error is an ordinary one. */
	private @Nullable LimitExceeded parserLimit(@Nullable Throwable parseFailure) {
		if (parseFailure instanceof ParseCancelledTooManyCharsException) {
			return new LimitExceeded("max-characters", this.limits.maxCharacters(),
					"The document has more than " + this.limits.maxCharacters() + " characters; max-characters allows "
							+ this.limits.maxCharacters() + ".");
		}
		if (parseFailure instanceof ParseCancelledException && !(parseFailure instanceof ParseCancelledTooDeepException)) {
			return new LimitExceeded("max-tokens", this.limits.maxTokens(), "The document has more than "
					+ this.limits.maxTokens() + " tokens; max-tokens allows " + this.limits.maxTokens() + ".");
		}
		return null;
	}

	static Map<String, String> declaredTypes(Document document) {
		Map<String, String> types = new HashMap<>();
		for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
			for (VariableDefinition variable : operation.getVariableDefinitions()) {
				types.putIfAbsent(variable.getName(), TypeInfo.typeInfo(variable.getType()).getName());
			}
		}
		return types;
	}

	private static AbortExecutionException abort(LimitExceeded exceeded) {
		return new AbortExecutionException(List.of(exceeded.toError()));
	}

	/** What one request's parse left behind, for the result to explain. */
	private static final class RequestState implements InstrumentationState {

		volatile @Nullable Throwable parseFailure;

		volatile Map<String, String> declaredTypes = Map.of();

	}

}
