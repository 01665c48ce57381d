package com.corpbank.portal.graphql;

import java.math.BigDecimal;
import java.util.Locale;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

/** {@code Decimal}: BigDecimal in Java, a plain decimal string on the wire (never a float, never exponent form). */
final class DecimalScalar {

	static final GraphQLScalarType INSTANCE = GraphQLScalarType.newScalar()
		.name("Decimal")
		.description("A decimal number as a string, e.g. \"1234.50\"")
		.coercing(new DecimalCoercing())
		.build();

	private DecimalScalar() {
	}

	private static final class DecimalCoercing implements Coercing<BigDecimal, String> {

		@Override
		public String serialize(Object value, GraphQLContext context, Locale locale) {
			if (value instanceof BigDecimal decimal) {
				return decimal.toPlainString();
			}
			throw new CoercingSerializeException("Decimal fields hold BigDecimal values");
		}

		@Override
		public BigDecimal parseValue(Object input, GraphQLContext context, Locale locale) {
			if (input instanceof String text) {
				return parse(text, CoercingParseValueException::new);
			}
			throw new CoercingParseValueException("A Decimal is a string such as \"1234.50\"");
		}

		@Override
		public BigDecimal parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
				Locale locale) {
			if (input instanceof StringValue text) {
				return parse(text.getValue(), CoercingParseLiteralException::new);
			}
			throw new CoercingParseLiteralException("A Decimal is a string such as \"1234.50\"");
		}

		private static <E extends RuntimeException> BigDecimal parse(String text,
				java.util.function.Function<String, E> error) {
			if (text.length() > 40 || !text.matches("-?\\d+(\\.\\d+)?")) {
				throw error.apply("Not a decimal number: expected digits with an optional fraction, e.g. \"1234.50\"");
			}
			return new BigDecimal(text);
		}

	}

}
