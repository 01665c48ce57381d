package com.corpbank.portal.graphql;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import graphql.ExecutionInput;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.parser.Parser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Valid documents are parsed and validated once; refused ones every time. */
class PreparsedDocumentsTests {

	final AtomicInteger parsed = new AtomicInteger();

	/** Parses for real; a document containing "invalid" fails validation. */
	final Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate = input -> {
		this.parsed.incrementAndGet();
		if (input.getQuery().contains("invalid")) {
			return new PreparsedDocumentEntry(List.of(GraphqlErrorBuilder.newError().message("invalid").build()));
		}
		return new PreparsedDocumentEntry(Parser.parse(input.getQuery()));
	};

	@Test
	void aValidDocumentIsParsedOnceAndItsVariableTypesGoWithEachHit() {
		PreparsedDocuments documents = new PreparsedDocuments();
		String query = "query($n: String, $f: [ClientFilter!]!) { clients { totalCount } }";
		PreparsedDocumentEntry first = documents.getDocumentAsync(input(query), this.parseAndValidate).join();
		ExecutionInput again = input(query);
		PreparsedDocumentEntry second = documents.getDocumentAsync(again, this.parseAndValidate).join();
		assertThat(this.parsed).hasValue(1);
		assertThat(second.getDocument()).isSameAs(first.getDocument());
		Map<String, String> declared = again.getGraphQLContext().get(PreparsedDocuments.DECLARED_TYPES);
		assertThat(declared).containsExactlyInAnyOrderEntriesOf(Map.of("n", "String", "f", "ClientFilter"));
		documents.getDocumentAsync(input(query + " "), this.parseAndValidate).join();
		assertThat(this.parsed).as("another text is another document").hasValue(2);
	}

	@Test
	void aRefusedDocumentIsCheckedEveryTime() {
		PreparsedDocuments documents = new PreparsedDocuments();
		for (int i = 0; i < 3; i++) {
			assertThat(documents.getDocumentAsync(input("{ invalid }"), this.parseAndValidate).join().hasErrors())
				.isTrue();
		}
		assertThat(this.parsed).hasValue(3);
		assertThat(documents.size()).isZero();
	}

	@Test
	void theKeptDocumentsAreBoundedByTheirTotalLength() {
		PreparsedDocuments documents = new PreparsedDocuments();
		String padding = " ".repeat(9_000);
		int count = (int) (PreparsedDocuments.MAX_CHARACTERS / 9_000) * 2;
		for (int i = 0; i < count; i++) {
			documents.getDocumentAsync(input("query q" + i + " { a }" + padding), this.parseAndValidate).join();
		}
		assertThat(documents.size() * 9_000).isLessThanOrEqualTo(PreparsedDocuments.MAX_CHARACTERS);
	}

	private static ExecutionInput input(String query) {
		return ExecutionInput.newExecutionInput(query).build();
	}

}
