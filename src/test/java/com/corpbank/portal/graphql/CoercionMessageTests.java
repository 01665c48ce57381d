package com.corpbank.portal.graphql;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.corpbank.portal.support.PortalTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static com.corpbank.portal.support.Testers.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wrong values in literals and variables get messages in GraphQL terms: which argument or variable, what type it
 * needs, what kind of value came. graphql-java's own wording named Java classes and AST nodes.
 */
@PortalTest
class CoercionMessageTests {

	/** What Java internals look like in a message. */
	static final List<String> INTERNALS = List.of("LinkedHashMap", "HashMap", "ArrayList", "'Integer'", "'String'",
			"'Double'", "'Boolean'", "StringValue", "EnumValue", "IntValue", "FloatValue", "ObjectValue",
			"ObjectField", "ArrayValue", "NullValue", "BooleanValue", "java.", "graphql.", "Exception", "{a=1}",
			"{$ne=1}");

	@Autowired
	HttpGraphQlTester graphQlTester;

	@Test
	void anObjectForAStringVariableIsNamedAsAnObject() {
		assertSingleError(variables("query($n: String) { clients(filter: { nameContains: $n }) { totalCount } }", "n",
				Map.of("a", 1)), "Variable 'n' must be a String, not an object.", "$n");
	}

	@Test
	void aListOrANumberForAStringVariable() {
		assertSingleError(variables("query($n: String) { clients(filter: { nameContains: $n }) { totalCount } }", "n",
				List.of(1, 2)), "Variable 'n' must be a String, not a list.", "$n");
		assertSingleError(variables("query($n: String) { clients(filter: { nameContains: $n }) { totalCount } }", "n",
				12), "Variable 'n' must be a String, not an integer (12).", "$n");
	}

	@Test
	void aWrongValueInsideAnInputObjectVariable() {
		assertSingleError(variables("query($f: ClientFilter) { clients(filter: $f) { totalCount } }", "f",
				Map.of("nameContains", Map.of("$ne", 1))), "A field of variable 'f' must be a String, not an object.",
				"$f");
		assertSingleError(variables("query($f: ClientFilter) { clients(filter: $f) { totalCount } }", "f",
				Map.of("rating", "Z")), "Variable 'f': Z is not a value of enum CreditRating.", "$f");
		assertSingleError(variables("query($f: ClientFilter) { clients(filter: $f) { totalCount } }", "f", "x"),
				"Variable 'f' must be an input object, not a string (\"x\").", "$f");
	}

	@Test
	void intVariables() {
		assertSingleError(variables("query($f: Int) { clients(first: $f) { totalCount } }", "f", "ten"),
				"Variable 'f' must be an Int, not a string (\"ten\").", "$f");
		assertSingleError(variables("query($f: Int) { clients(first: $f) { totalCount } }", "f", 1.5),
				"Variable 'f' must be an Int, not a number with a fraction (1.5).", "$f");
		assertSingleError(variables("query($f: Int) { clients(first: $f) { totalCount } }", "f", 99_999_999_999L),
				"Variable 'f' must be an Int, a whole number from -2147483648 to 2147483647.", "$f");
	}

	@Test
	void enumVariables() {
		assertSingleError(variables("query($r: CreditRating) { clients(filter: { rating: $r }) { totalCount } }", "r",
				"Z"), "Variable 'r': Z is not a value of enum CreditRating.", "$r");
		assertSingleError(variables("query($r: CreditRating) { clients(filter: { rating: $r }) { totalCount } }", "r",
				Map.of("a", 1)), "Variable 'r': an object is not a value of enum CreditRating.", "$r");
	}

	@Test
	void aMissingNonNullVariable() {
		assertSingleError(as(this.graphQlTester, "rm_li").document("query($id: ID!) { client(id: $id) { id } }"),
				"Variable 'id' must not be null: its type is ID!.", "$id");
		assertSingleError(variables("query($o: ClientOrder) { clients(orderBy: $o) { totalCount } }", "o",
				new HashMap<>(java.util.Collections.singletonMap("field", null))),
				"Variable 'o': field 'field' must not be null (type ClientOrderField!).", "$o");
	}

	@Test
	void aQuotedEnumLiteralIsExplained() {
		assertSingleError(literal("{ clients(filter: { rating: \"A\" }) { totalCount } }"),
				"Argument 'filter.rating': \"A\" is not a value of enum CreditRating; enum values are written without"
						+ " quotes.",
				"filter.rating");
		assertSingleError(literal("{ clients(orderBy: { field: \"NAME\" }) { totalCount } }"),
				"Argument 'orderBy.field': \"NAME\" is not a value of enum ClientOrderField; enum values are written"
						+ " without quotes.",
				"orderBy.field");
	}

	@Test
	void anUnknownEnumLiteral() {
		assertSingleError(literal("{ clients(filter: { rating: Z }) { totalCount } }"),
				"Argument 'filter.rating': Z is not a value of enum CreditRating.", "filter.rating");
	}

	@Test
	void scalarLiteralsOfTheWrongKind() {
		assertSingleError(literal("{ clients(filter: { nameContains: { a: 1 } }) { totalCount } }"),
				"Argument 'filter.nameContains' must be a String, not an object.", "filter.nameContains");
		assertSingleError(literal("{ clients(first: \"ten\") { totalCount } }"),
				"Argument 'first' must be an Int, not a string (\"ten\").", "first");
		assertSingleError(literal("{ clients(first: 1.5) { totalCount } }"),
				"Argument 'first' must be an Int, not a number with a fraction (1.5).", "first");
		assertSingleError(literal("{ clients(first: 99999999999) { totalCount } }"),
				"Argument 'first' must be an Int, a whole number from -2147483648 to 2147483647, not 99999999999.",
				"first");
		assertSingleError(literal("{ client(id: { a: 1 }) { id } }"), "Argument 'id' must be an ID, not an object.",
				"id");
		assertSingleError(literal("{ client(id: [\"C-LI-1\"]) { id } }"), "Argument 'id' must be an ID, not a list.",
				"id");
	}

	@Test
	void inputObjectLiteralsOfTheWrongShape() {
		assertSingleError(literal("{ clients(filter: \"x\") { totalCount } }"),
				"Argument 'filter' must be an input object, not a string (\"x\").", "filter");
		assertSingleError(literal("{ clients(filter: { bogus: 1 }) { totalCount } }"),
				"Argument 'filter' has a field 'bogus' that input type ClientFilter does not define.", "filter");
	}

	@Test
	void longValuesAreShortenedInTheMessage() {
		String text = "x".repeat(500);
		assertSingleError(literal("{ clients(first: \"" + text + "\") { totalCount } }"),
				"Argument 'first' must be an Int, not a string (\"" + "x".repeat(40) + "…\").", "first");
	}

	@Test
	void coercionErrorsKeepTheirClassificationAndLocation() {
		literal("{ clients(filter: { rating: \"A\" }) { totalCount } }").errors()
			.satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
				assertThat(error.getErrorType().toString()).isEqualTo("ValidationError");
				assertThat(error.getLocations()).isNotEmpty();
			}));
	}

	private GraphQlTester.Response literal(String document) {
		return as(this.graphQlTester, "rm_li").document(document).execute();
	}

	private GraphQlTester.Response variables(String document, String name, Object value) {
		return as(this.graphQlTester, "rm_li").document(document).variable(name, value).execute();
	}

	private void assertSingleError(GraphQlTester.Request<?> request, String message, String argument) {
		assertSingleError(request.execute(), message, argument);
	}

	private void assertSingleError(GraphQlTester.Response response, String message, String argument) {
		response.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
			assertThat(error.getMessage()).endsWith(message);
			assertClean(error);
			assertThat(error.getExtensions()).containsEntry("code", "INVALID_ARGUMENT")
				.containsEntry("argument", argument);
		}));
	}

	static void assertClean(ResponseError error) {
		assertThat(error.getMessage()).doesNotContain(INTERNALS);
	}

}
