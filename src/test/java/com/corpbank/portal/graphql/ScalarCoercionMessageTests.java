package com.corpbank.portal.graphql;

import java.util.List;
import java.util.Map;

import graphql.ExecutionInput;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our {@code Decimal} and {@code Date} scalars as inputs, in literals and variables. No argument of the portal's schema
 * takes them yet, so a small schema does; the messages are the scalars' own, framed by {@link ErrorMessages}.
 */
class ScalarCoercionMessageTests {

	private final GraphQL graphQl = graphQl();

	@Test
	void dateLiterals() {
		assertMessage("{ on(day: \"2025-13-01\") }", Map.of(), "Argument 'day': a string (\"2025-13-01\") is not a valid"
				+ " Date. A Date is an ISO-8601 date such as \"2025-12-31\"", "day");
		assertMessage("{ on(day: 20251231) }", Map.of(),
				"Argument 'day': an integer (20251231) is not a valid Date. A Date is an ISO-8601 date such as"
						+ " \"2025-12-31\"",
				"day");
		assertMessage("{ on(day: { a: 1 }) }", Map.of(),
				"Argument 'day': an object is not a valid Date. A Date is an ISO-8601 date such as \"2025-12-31\"",
				"day");
		assertMessage("{ days(d: [\"2025-01-01\", 3]) }", Map.of(),
				"Argument 'd[1]': an integer (3) is not a valid Date. A Date is an ISO-8601 date such as \"2025-12-31\"",
				"d[1]");
	}

	@Test
	void dateVariables() {
		assertMessage("query($d: Date) { on(day: $d) }", Map.of("d", Map.of("a", 1)),
				"Variable 'd' has an invalid value: A Date is an ISO-8601 date such as \"2025-12-31\"", "$d");
		assertMessage("query($d: Date) { on(day: $d) }", Map.of("d", "31/12/2025"),
				"Variable 'd' has an invalid value: A Date is an ISO-8601 date such as \"2025-12-31\"", "$d");
		assertMessage("query($d: [Date!]) { days(d: $d) }", Map.of("d", List.of("2025-01-01", Map.of("a", 1))),
				"Variable 'd' has an invalid value: A Date is an ISO-8601 date such as \"2025-12-31\"", "$d");
	}

	@Test
	void decimalLiterals() {
		assertMessage("{ above(amount: 1.5) }", Map.of(), "Argument 'amount': a number with a fraction (1.5) is not a"
				+ " valid Decimal. A Decimal is a string such as \"1234.50\"", "amount");
		assertMessage("{ above(amount: \"1e5\") }", Map.of(), "Argument 'amount': a string (\"1e5\") is not a valid"
				+ " Decimal. Not a decimal number: expected digits with an optional fraction, e.g. \"1234.50\"",
				"amount");
	}

	@Test
	void decimalVariables() {
		assertMessage("query($x: Decimal) { above(amount: $x) }", Map.of("x", 12.5),
				"Variable 'x' has an invalid value: A Decimal is a string such as \"1234.50\"", "$x");
		assertMessage("query($x: Decimal) { above(amount: $x) }", Map.of("x", List.of("1")),
				"Variable 'x' has an invalid value: A Decimal is a string such as \"1234.50\"", "$x");
		assertMessage("query($x: Decimal) { above(amount: $x) }", Map.of("x", "12,5"),
				"Variable 'x' has an invalid value: Not a decimal number: expected digits with an optional fraction,"
						+ " e.g. \"1234.50\"",
				"$x");
	}

	private void assertMessage(String document, Map<String, Object> variables, String message, String argument) {
		List<GraphQLError> errors = this.graphQl
			.execute(ExecutionInput.newExecutionInput(document).variables(variables).build())
			.getErrors();
		assertThat(errors).singleElement().satisfies(error -> {
			assertThat(error.getMessage()).endsWith(message).doesNotContain(CoercionMessageTests.INTERNALS);
			assertThat(error.getErrorType().toString()).isEqualTo("ValidationError");
			assertThat(error.getExtensions()).containsEntry("code", "INVALID_ARGUMENT")
				.containsEntry("argument", argument);
		});
	}

	private static GraphQL graphQl() {
		GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse("""
				scalar Date
				scalar Decimal
				type Query {
				  on(day: Date): String
				  days(d: [Date!]): String
				  above(amount: Decimal): String
				}
				"""), RuntimeWiring.newRuntimeWiring().scalar(DecimalScalar.INSTANCE).scalar(DateScalar.INSTANCE).build());
		return GraphQL.newGraphQL(schema)
			.instrumentation(new GraphQlLimitsInstrumentation(GraphQlLimitsProperties.defaults(), true))
			.build();
	}

}
