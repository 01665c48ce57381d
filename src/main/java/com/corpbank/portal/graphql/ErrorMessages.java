package com.corpbank.portal.graphql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import org.jspecify.annotations.Nullable;

/**
 * Rewrites graphql-java's coercion and validation messages into GraphQL terms. graphql-java prints AST nodes and Java
 * classes into them ({@code StringValue{value='A'}}, {@code but it was a 'LinkedHashMap'}), which tell the caller
 * nothing useful and tell an attacker what runs the service. The error keeps its classification, locations and path;
 * the message says which argument or variable is wrong and what it should be, and {@code extensions} gain
 * {@code code = INVALID_ARGUMENT} and {@code argument} (a variable is named with its {@code $}).
 * <p>
 * graphql-java 25 makes no "did you mean" suggestions of its own. With {@code portal.graphql.suggestions} on (local
 * runs) the messages add them: the closest field name for an unknown field, the values of an enum for a wrong enum
 * value. With it off (production) no message names a field or value the caller did not write.
 */
final class ErrorMessages {

	private static final Pattern WRONG_ARGUMENT = Pattern.compile(
			"^(Validation error \\(\\w+@\\[[^\\]]*\\]\\) : )argument '([^']+)' with value '(.*)' (is not a valid '(\\w+)'(?: - (.*))?|must not be null|must be an object type|contains a field not in '(\\w+)': '(\\w+)'|is missing required fields '(.*)')$",
			Pattern.DOTALL);

	private static final Pattern WRONG_VARIABLE = Pattern.compile("^Variable '(\\w+)' has an invalid value: (.*)$",
			Pattern.DOTALL);

	private static final Pattern UNKNOWN_FIELD = Pattern
		.compile("^Validation error \\(FieldUndefined@\\[[^\\]]*\\]\\) : Field '(\\w+)' in type '(\\w+)' is undefined$");

	private static final Pattern JAVA_CLASS = Pattern.compile("but it was a '(\\w+)'|but was '(\\w+)'");

	private static final Pattern ENUM_VALUE = Pattern
		.compile("Invalid input for enum '(\\w+)'\\. (?:No value found for name|Unknown value) '(.*)'", Pattern.DOTALL);

	private static final Pattern NULL_FOR_NON_NULL = Pattern
		.compile("(Variable|Field) '(\\w+)' has coerced Null value for NonNull type '([^']+)'");

	/** What Java internals look like in a message: AST node dumps, Java class and package names. */
	private static final Pattern INTERNALS = Pattern.compile(
			"\\w+Value\\{|ObjectField\\{|VariableReference\\{|'(?:Linked)?HashMap'|'ArrayList'|'(?:Integer|Long|Double|BigDecimal|BigInteger|Map|List)'|\\bjava\\.|\\bgraphql\\.|Exception|\\$\\w+\\$");

	private static final int ECHO_LIMIT = 40;

	private final boolean suggestions;

	ErrorMessages(boolean suggestions) {
		this.suggestions = suggestions;
	}

	/**
	 * @param variables the request's variables as sent, to tell the caller what kind of value they sent
	 * @param declaredTypes the named type (lists and non-null unwrapped) the document declares for each variable
	 */
	GraphQLError clean(GraphQLError error, GraphQLSchema schema, Map<String, Object> variables,
			Map<String, String> declaredTypes) {
		String message = (error.getMessage() != null) ? error.getMessage() : "";
		Matcher argument = WRONG_ARGUMENT.matcher(message);
		if (argument.matches()) {
			return rewrite(error, argument.group(1) + wrongArgument(argument, schema), argument.group(2));
		}
		Matcher variable = WRONG_VARIABLE.matcher(message);
		if (variable.matches()) {
			String name = variable.group(1);
			return rewrite(error, wrongVariable(name, variable.group(2), variables.get(name), declaredTypes, schema),
					"$" + name);
		}
		Matcher unknownField = UNKNOWN_FIELD.matcher(message);
		if (unknownField.matches() && this.suggestions) {
			String suggestion = closestField(schema, unknownField.group(2), unknownField.group(1));
			return (suggestion != null) ? copy(error, message + ". Did you mean '" + suggestion + "'?", null) : error;
		}
		if (INTERNALS.matcher(message).find()) {
			// A message graphql-java words in a way not handled above: say less rather than leak.
			return copy(error, "A value in this request does not have the type the schema expects here.", null);
		}
		return error;
	}

	private String wrongArgument(Matcher match, GraphQLSchema schema) {
		String name = match.group(2);
		Value value = Value.ofAst(match.group(3));
		String problem = match.group(4);
		if (problem.equals("must not be null")) {
			return "Argument '" + name + "' must not be null.";
		}
		if (problem.equals("must be an object type")) {
			return "Argument '" + name + "' must be an input object, not " + value.describe() + ".";
		}
		if (match.group(7) != null) {
			return "Argument '" + name + "' has a field '" + match.group(8) + "' that input type " + match.group(7)
					+ " does not define.";
		}
		if (match.group(9) != null) {
			return "Argument '" + name + "' lacks required fields: " + match.group(9).replaceAll("[\\[\\]]", "") + ".";
		}
		String type = match.group(5);
		String detail = (match.group(6) != null) ? match.group(6) : "";
		return notOfType("Argument '" + name + "'", value, type, detail, schema);
	}

	private String wrongVariable(String name, String detail, @Nullable Object sent, Map<String, String> declaredTypes,
			GraphQLSchema schema) {
		Matcher nullValue = NULL_FOR_NON_NULL.matcher(detail);
		if (nullValue.find()) {
			return nullValue.group(1).equals("Variable")
					? "Variable '" + name + "' must not be null: its type is " + nullValue.group(3) + "."
					: "Variable '" + name + "': field '" + nullValue.group(2) + "' must not be null (type "
							+ nullValue.group(3) + ").";
		}
		Matcher enumValue = ENUM_VALUE.matcher(detail);
		if (enumValue.find()) {
			// The value may sit inside an input object variable: graphql-java prints it with Java's toString.
			String text = enumValue.group(2);
			Value value = text.startsWith("{") ? new Value(Kind.OBJECT, null)
					: text.startsWith("[") ? new Value(Kind.LIST, null) : Value.enumName(text);
			return notOfType("Variable '" + name + "'", value, enumValue.group(1), "", schema);
		}
		if (detail.contains("Variables for input objects must be")) {
			return "Variable '" + name + "' must be an input object, not " + Value.ofJava(sent).describe() + ".";
		}
		if (detail.startsWith("Expected value to be in the integer range")) {
			return "Variable '" + name + "' must be an Int, a whole number from -2147483648 to 2147483647.";
		}
		Matcher javaClass = JAVA_CLASS.matcher(detail);
		if (javaClass.find()) {
			String type = expectedScalar(detail);
			String javaType = firstNonNull(javaClass);
			boolean whole = type.equals(declaredTypes.get(name));
			Value value = whole ? Value.ofJava(sent) : Value.ofJavaClass(javaType);
			// When the wrong value sits inside an input object, graphql-java does not say which field holds it.
			String subject = whole ? "Variable '" + name + "'" : "A field of variable '" + name + "'";
			return subject + " must be " + article(type) + " " + type + ", not " + value.describe() + ".";
		}
		if (INTERNALS.matcher(detail).find()) {
			return "Variable '" + name + "' does not have the type the operation declares for it.";
		}
		// Our scalars' own messages (Decimal, Date) are written for the caller already.
		return "Variable '" + name + "' has an invalid value: " + detail;
	}

	private String notOfType(String subject, Value value, String type, String detail, GraphQLSchema schema) {
		GraphQLType named = schema.getType(type);
		if (named instanceof GraphQLEnumType enumType) {
			String text = subject + ": " + value.literal() + " is not a value of enum " + type;
			if (value.kind() == Kind.STRING) {
				text += "; enum values are written without quotes";
			}
			if (this.suggestions) {
				text += "; its values are "
						+ String.join(", ", enumType.getValues().stream().map(GraphQLEnumValueDefinition::getName).toList());
			}
			return text + ".";
		}
		if (detail.startsWith("Expected value to be in the integer range")) {
			return subject + " must be an Int, a whole number from -2147483648 to 2147483647, not " + value.literal()
					+ ".";
		}
		if (detail.isEmpty() || detail.startsWith("Expected ") || INTERNALS.matcher(detail).find()) {
			return subject + " must be " + article(type) + " " + type + ", not " + value.describe() + ".";
		}
		// A custom scalar's own message (Decimal, Date), written for the caller.
		return subject + ": " + value.describe() + " is not a valid " + type + ". " + detail;
	}

	private static String expectedScalar(String detail) {
		Matcher typed = Pattern.compile("type '(\\w+)'|an? (\\w+) input").matcher(detail);
		if (typed.find()) {
			String type = (typed.group(1) != null) ? typed.group(1) : typed.group(2);
			return type.equals("Number") ? "Float" : type;
		}
		return "value of the declared type";
	}

	private static String firstNonNull(Matcher match) {
		return (match.group(1) != null) ? match.group(1) : match.group(2);
	}

	private static String article(String word) {
		return "AEIOU".indexOf(Character.toUpperCase(word.charAt(0))) >= 0 ? "an" : "a";
	}

	private @Nullable String closestField(GraphQLSchema schema, String typeName, String unknown) {
		if (!(schema.getType(typeName) instanceof GraphQLFieldsContainer type)) {
			return null;
		}
		String best = null;
		int bestDistance = Integer.MAX_VALUE;
		for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
			int distance = distance(unknown.toLowerCase(), field.getName().toLowerCase());
			if (distance < bestDistance) {
				best = field.getName();
				bestDistance = distance;
			}
		}
		// Only a near miss is a suggestion; anything further is a list of the type's fields in disguise.
		return (bestDistance <= Math.max(2, unknown.length() / 3)) ? best : null;
	}

	private static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

	private static GraphQLError rewrite(GraphQLError error, String message, String argument) {
		return copy(error, message, Map.of("code", "INVALID_ARGUMENT", "argument", argument));
	}

	private static GraphQLError copy(GraphQLError error, String message, @Nullable Map<String, Object> extra) {
		Map<String, Object> extensions = new LinkedHashMap<>();
		if (error.getExtensions() != null) {
			extensions.putAll(error.getExtensions());
		}
		if (extra != null) {
			extensions.putAll(extra);
		}
		GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError()
			.message("%s", message)
			.errorType(error.getErrorType())
			.extensions(extensions);
		if (error.getLocations() != null) {
			builder.locations(error.getLocations());
		}
		if (error.getPath() != null) {
			builder.path(error.getPath());
		}
		return builder.build();
	}

	enum Kind {

		STRING("a string"), ENUM("an enum value"), INT("an integer"), FLOAT("a number with a fraction"),
		BOOLEAN("a boolean"), NULL("null"), OBJECT("an object"), LIST("a list"), VARIABLE("a variable"),
		UNKNOWN("a value of another type");

		private final String words;

		Kind(String words) {
			this.words = words;
		}

	}

	/** A value the caller sent, as far as the message lets us tell: its kind, and its text when it is short. */
	record Value(Kind kind, @Nullable String text) {

		private static final Pattern AST = Pattern
			.compile("^(StringValue\\{value='|EnumValue\\{name='|IntValue\\{value=|FloatValue\\{value=|BooleanValue\\{value=|VariableReference\\{name=')(.*?)'?\\}$", Pattern.DOTALL);

		static Value ofAst(String ast) {
			if (ast.startsWith("ObjectValue{")) {
				return new Value(Kind.OBJECT, null);
			}
			if (ast.startsWith("ArrayValue{")) {
				return new Value(Kind.LIST, null);
			}
			if (ast.startsWith("NullValue")) {
				return new Value(Kind.NULL, "null");
			}
			Matcher match = AST.matcher(ast);
			if (!match.matches()) {
				return new Value(Kind.UNKNOWN, null);
			}
			Kind kind = switch (match.group(1).substring(0, 3)) {
				case "Str" -> Kind.STRING;
				case "Enu" -> Kind.ENUM;
				case "Int" -> Kind.INT;
				case "Flo" -> Kind.FLOAT;
				case "Boo" -> Kind.BOOLEAN;
				default -> Kind.VARIABLE;
			};
			return new Value(kind, match.group(2));
		}

		static Value enumName(String text) {
			return new Value(Kind.ENUM, text);
		}

		static Value ofJava(@Nullable Object value) {
			if (value == null) {
				return new Value(Kind.NULL, "null");
			}
			if (value instanceof String text) {
				return new Value(Kind.STRING, text);
			}
			if (value instanceof Map) {
				return new Value(Kind.OBJECT, null);
			}
			if (value instanceof List || value.getClass().isArray()) {
				return new Value(Kind.LIST, null);
			}
			if (value instanceof Boolean) {
				return new Value(Kind.BOOLEAN, value.toString());
			}
			if (value instanceof Double || value instanceof Float || value instanceof java.math.BigDecimal) {
				return new Value(Kind.FLOAT, value.toString());
			}
			if (value instanceof Number) {
				return new Value(Kind.INT, value.toString());
			}
			return new Value(Kind.UNKNOWN, null);
		}

		static Value ofJavaClass(String simpleName) {
			return switch (simpleName) {
				case "LinkedHashMap", "HashMap", "Map" -> new Value(Kind.OBJECT, null);
				case "ArrayList", "List" -> new Value(Kind.LIST, null);
				case "String" -> new Value(Kind.STRING, null);
				case "Integer", "Long", "BigInteger" -> new Value(Kind.INT, null);
				case "Double", "Float", "BigDecimal" -> new Value(Kind.FLOAT, null);
				case "Boolean" -> new Value(Kind.BOOLEAN, null);
				default -> new Value(Kind.UNKNOWN, null);
			};
		}

		/** The value as the caller wrote it (quoted when a string), shortened, or its kind when we cannot show it. */
		String literal() {
			if (this.text == null) {
				return this.kind.words;
			}
			String shown = (this.text.length() > ECHO_LIMIT) ? this.text.substring(0, ECHO_LIMIT) + "…" : this.text;
			return switch (this.kind) {
				case STRING -> "\"" + shown + "\"";
				case VARIABLE -> "$" + shown;
				default -> shown;
			};
		}

		/** "a string (\"ten\")", "an object". */
		String describe() {
			if (this.text == null || this.kind == Kind.NULL) {
				return this.kind.words;
			}
			return this.kind.words + " (" + literal() + ")";
		}

	}

}
