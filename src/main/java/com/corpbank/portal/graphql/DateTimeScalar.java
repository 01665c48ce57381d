package com.corpbank.portal.graphql;

import java.time.Instant;
import java.time.OffsetDateTime;
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
import org.jspecify.annotations.Nullable;

/** {@code DateTime}: an Instant in Java, ISO-8601 with an offset on the wire ("2026-11-23T08:15:30Z"). */
final class DateTimeScalar {

	static final GraphQLScalarType INSTANCE = GraphQLScalarType.newScalar()
		.name("DateTime")
		.description("An ISO-8601 instant with offset, e.g. \"2026-11-23T08:15:30Z\"")
		.coercing(new DateTimeCoercing())
		.build();

	private static final String EXPECTED = "A DateTime is an ISO-8601 instant with offset such as \"2026-11-23T08:15:30Z\"";

	private DateTimeScalar() {
	}

	private static final class DateTimeCoercing implements Coercing<Instant, String> {

		@Override
		public String serialize(Object value, GraphQLContext context, Locale locale) {
			if (value instanceof Instant instant) {
				return instant.toString();
			}
			throw new CoercingSerializeException("DateTime fields hold Instant values");
		}

		@Override
		public Instant parseValue(Object input, GraphQLContext context, Locale locale) {
			Instant parsed = (input instanceof String text) ? parse(text) : null;
			if (parsed == null) {
				throw new CoercingParseValueException(EXPECTED);
			}
			return parsed;
		}

		@Override
		public Instant parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
				Locale locale) {
			Instant parsed = (input instanceof StringValue text) ? parse(text.getValue()) : null;
			if (parsed == null) {
				throw new CoercingParseLiteralException(EXPECTED);
			}
			return parsed;
		}

		private static @Nullable Instant parse(String text) {
			if (text.length() > 64) {
				return null;
			}
			try {
				return OffsetDateTime.parse(text).toInstant();
			}
			catch (DateTimeParseException ex) {
				return null;
			}
		}

	}

}
