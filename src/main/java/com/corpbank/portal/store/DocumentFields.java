package com.corpbank.portal.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.bson.types.Decimal128;
import org.jspecify.annotations.Nullable;

/**
 * Typed reads of a stored document's fields, converting exactly as Spring Data's mapping does for the same Java types
 * (so that a {@link DocumentReader} answers what the reflective mapping would): a missing field or a null is null,
 * {@code LocalDate} from a BSON date in the JVM's zone (Spring writes it at the start of that day in that zone), money
 * from Decimal128, an enum by its name, a list into a new {@code ArrayList}. A value of another BSON type fails with the
 * field's name rather than being guessed at.
 */
public final class DocumentFields {

	private DocumentFields() {
	}

	public static @Nullable String string(Document document, String field) {
		Object value = document.get(field);
		return (value == null) ? null : (value instanceof String text) ? text : fail(field, "a string", value);
	}

	public static @Nullable LocalDate localDate(Document document, String field) {
		Object value = document.get(field);
		if (value == null) {
			return null;
		}
		if (value instanceof Date date) {
			return LocalDateTime.ofInstant(date.toInstant(), ZoneId.systemDefault()).toLocalDate();
		}
		return fail(field, "a date", value);
	}

	public static @Nullable Instant instant(Document document, String field) {
		Object value = document.get(field);
		return (value == null) ? null : (value instanceof Date date) ? date.toInstant() : fail(field, "a date", value);
	}

	public static @Nullable BigDecimal decimal(Document document, String field) {
		Object value = document.get(field);
		if (value == null) {
			return null;
		}
		if (value instanceof Decimal128 decimal) {
			return decimal.bigDecimalValue();
		}
		// as Spring's number and string conversions: through the decimal text, never through a double's binary value
		if (value instanceof Number || value instanceof String) {
			return new BigDecimal(value.toString());
		}
		return fail(field, "a decimal", value);
	}

	public static @Nullable Integer integer(Document document, String field) {
		Object value = document.get(field);
		if (value == null) {
			return null;
		}
		if (value instanceof Integer number) {
			return number;
		}
		if (value instanceof Long number && number == number.intValue()) {
			return number.intValue();
		}
		return fail(field, "an int", value);
	}

	/** For a primitive {@code int} component, which the mapping cannot fill from a missing value either. */
	public static int requiredInt(Document document, String field) {
		Integer value = integer(document, field);
		if (value == null) {
			throw new IllegalStateException("Stored field '" + field + "' is missing");
		}
		return value;
	}

	public static @Nullable Long longValue(Document document, String field) {
		Object value = document.get(field);
		if (value == null) {
			return null;
		}
		if (value instanceof Long number) {
			return number;
		}
		if (value instanceof Integer number) {
			return number.longValue();
		}
		return fail(field, "a long", value);
	}

	public static @Nullable Boolean booleanValue(Document document, String field) {
		Object value = document.get(field);
		return (value == null) ? null : (value instanceof Boolean flag) ? flag : fail(field, "a boolean", value);
	}

	public static <E extends Enum<E>> @Nullable E enumValue(Document document, String field, Class<E> type) {
		String name = string(document, field);
		return (name == null) ? null : Enum.valueOf(type, name);
	}

	public static @Nullable List<String> strings(Document document, String field) {
		Object value = document.get(field);
		if (value == null) {
			return null;
		}
		if (value instanceof List<?> list) {
			List<String> strings = new ArrayList<>(list.size());
			for (Object element : list) {
				strings.add((element == null) ? null
						: (element instanceof String text) ? text : fail(field, "strings", element));
			}
			return strings;
		}
		return fail(field, "an array", value);
	}

	public static @Nullable Document document(Document document, String field) {
		Object value = document.get(field);
		return (value == null) ? null : (value instanceof Document nested) ? nested : fail(field, "a document", value);
	}

	private static <T> T fail(String field, String expected, Object found) {
		throw new IllegalStateException(
				"Stored field '" + field + "' holds " + found.getClass().getSimpleName() + ", not " + expected);
	}

}
