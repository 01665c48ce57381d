package com.corpbank.portal.graphql;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

/**
 * Parses and validates each distinct document once: clients send the same few documents (the SPA's pages) over and
 * over with different variables, and parsing and validating them was a twentieth of a page's CPU. Only documents
 * that parsed and validated without error are kept (a refused one goes through the whole check, and its messages,
 * every time). Validation depends on the document and the schema only, both fixed for a kept entry; every limit
 * that depends on the request (the variables, the operation's cost) is still checked per request by
 * {@link GraphQlLimitsInstrumentation}, and the document's length before this cache is asked.
 *
 * <p>Bounded by the total length of the kept documents ({@value #MAX_CHARACTERS} characters: a few hundred
 * documents of the SPA's size; a caller sending ever new documents only evicts, least recently used first).
 */
final class PreparsedDocuments implements PreparsedDocumentProvider {

	/** The request's variable types as its document declares them, for a document served from this cache. */
	static final String DECLARED_TYPES = PreparsedDocuments.class.getName() + ".declaredTypes";

	static final long MAX_CHARACTERS = 1_000_000;

	private record Kept(PreparsedDocumentEntry entry, Map<String, String> declaredTypes) {
	}

	private final Cache<String, Kept> kept = Caffeine.newBuilder()
		.maximumWeight(MAX_CHARACTERS)
		.<String, Kept>weigher((document, entry) -> Math.max(document.length(), 1))
		.build();

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput executionInput,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidateFunction) {
		String document = executionInput.getQuery();
		Kept hit = this.kept.getIfPresent(document);
		if (hit != null) {
			// The instrumentation's parse callback does not run for a kept document: it reads these instead.
			executionInput.getGraphQLContext().put(DECLARED_TYPES, hit.declaredTypes());
			return CompletableFuture.completedFuture(hit.entry());
		}
		PreparsedDocumentEntry entry = parseAndValidateFunction.apply(executionInput);
		if (!entry.hasErrors() && entry.getDocument() != null) {
			this.kept.put(document, new Kept(entry, GraphQlLimitsInstrumentation.declaredTypes(entry.getDocument())));
		}
		return CompletableFuture.completedFuture(entry);
	}

	/** How many documents are kept now (for tests). */
	long size() {
		this.kept.cleanUp();
		return this.kept.estimatedSize();
	}

}
