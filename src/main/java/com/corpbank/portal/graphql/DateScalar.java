package com.corpbank.portal.graphql;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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

/** {@code Date}: LocalDate in Java, ISO-8601 ("2025-12-31") on the wire. */
final class DateScalar {

	static final GraphQLScalarType INSTANCE = GraphQLScalarType.newScalar()
		.name("Date")
		.description("An ISO-8601 calendar date, e.g. \"2025-12-31\"")
		.coercing(new DateCoercing())
		.build();

	private DateScalar() {
	}

	private static final class DateCoercing implements Coercing<LocalDate, String> {

		@Override
		public String serialize(Object value, GraphQLContext context, Locale locale) {
			if (value instanceof LocalDate date) {
				return date.toString();
			}
			throw new CoercingSerializeException("Date fields hold LocalDate values");
		}

		@Override
		public LocalDate parseValue(Object input, GraphQLContext context, Locale locale) {
			try {
				return LocalDate.parse(String.valueOf(input));
			}
			catch (DateTimeParseException ex) {
				throw new CoercingParseValueException("A Date is an ISO-8601 date such as \"2025-12-31\"");
			}
		}

		@Override
		public LocalDate parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
				Locale locale) {
			if (input instanceof StringValue text) {
				try {
					return LocalDate.parse(text.getValue());
				}
				catch (DateTimeParseException ex) {
					// fall through to the typed error below
				}
			}
			throw new CoercingParseLiteralException("A Date is an ISO-8601 date such as \"2025-12-31\"");
		}

	}

}
