package com.corpbank.portal.graphql;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * An opaque keyset cursor: the order it belongs to, the sort key of the last row and that row's id (the
 * tie-breaker). Keyset rather than offset so that a page never skips or repeats rows when others are inserted.
 * Values are typed so a decimal key comes back as a decimal, not a float, an instant as an {@link Instant} and a
 * date as a {@link LocalDate} (the worklist's urgency order keys on instants).
 */
public record KeysetCursor(String order, @Nullable Object value, String id) {

	/**
	 * The longest cursor accepted, checked before Base64 decoding. Ours carry an order tag, a sort key (a client name
	 * of at most a few dozen characters, or a decimal score) and an id: a few hundred characters at most.
	 */
	public static final int MAX_LENGTH = 1024;

	/** Decimal128 holds 34 significant digits. */
	static final int MAX_DECIMAL_DIGITS = 34;

	/** Decimal128's exponent range (IEEE 754 decimal128, coefficient form); beyond it the driver cannot encode. */
	static final int MIN_DECIMAL_EXPONENT = -6176;

	static final int MAX_DECIMAL_EXPONENT = 6111;

	/** A plain or scientific decimal with at most 34 digits on each side; the precise caps are checked after. */
	private static final Pattern DECIMAL = Pattern
		.compile("-?[0-9]{1,34}(?:\\.[0-9]{1,34})?(?:[eE][+-]?[0-9]{1,4})?");

	/** An ISO-8601 instant in UTC with four-digit years, as {@link Instant#toString()} writes them. */
	private static final Pattern INSTANT = Pattern
		.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\\.[0-9]{1,9})?)?Z");

	private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

	private static final int MAX_TIME_TEXT = 30;

	/** The instants a cursor may carry: years 0000 to 9999, which a BSON date holds. */
	static final Instant MIN_INSTANT = Instant.parse("0000-01-01T00:00:00Z");

	static final Instant MAX_INSTANT = Instant.parse("9999-12-31T23:59:59.999999999Z");

	private static final char SEPARATOR = '\u001F';

	public KeysetCursor {
		if (value != null && !(value instanceof String) && !(value instanceof BigDecimal) && !(value instanceof Instant)
				&& !(value instanceof LocalDate)) {
			throw new IllegalArgumentException("Unsupported keyset value type: " + value.getClass());
		}
	}

	public String encode() {
		String type;
		String text;
		if (this.value == null) {
			type = "N";
			text = "";
		}
		else if (this.value instanceof BigDecimal decimal) {
			type = "D";
			text = decimal.toPlainString();
		}
		else if (this.value instanceof Instant instant) {
			type = "I";
			text = instant.toString();
		}
		else if (this.value instanceof LocalDate date) {
			type = "L";
			text = date.toString();
		}
		else {
			type = "S";
			text = (String) this.value;
		}
		String raw = this.order + SEPARATOR + type + SEPARATOR + text + SEPARATOR + this.id;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Every check on the {@code after} argument lives here: length before decoding, layout, order, id, sort key.
	 * @param expectedOrder the order of the current request; a cursor from another order is rejected
	 * @throws InvalidArgumentException when the cursor is not one of ours or belongs to another order
	 */
	public static KeysetCursor decode(String cursor, String expectedOrder) {
		if (cursor.length() > MAX_LENGTH) {
			throw new InvalidArgumentException("after", "Not a valid cursor: a cursor is at most " + MAX_LENGTH
					+ " characters; pass the endCursor or an edge cursor of a previous page unchanged.");
		}
		String raw;
		try {
			raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw invalid();
		}
		String[] parts = raw.split(String.valueOf(SEPARATOR), -1);
		if (parts.length != 4 || !InputText.isId(parts[3])) {
			throw invalid();
		}
		if (!parts[0].equals(expectedOrder)) {
			throw new InvalidArgumentException("after",
					"This cursor belongs to another order; request the first page again with the new orderBy.");
		}
		Object value = switch (parts[1]) {
			case "N" -> null;
			case "S" -> parseText(parts[2]);
			case "D" -> parseDecimal(parts[2]);
			case "I" -> parseInstant(parts[2]);
			case "L" -> parseDate(parts[2]);
			default -> throw invalid();
		};
		return new KeysetCursor(parts[0], value, parts[3]);
	}

	private static String parseText(String text) {
		if (!InputText.isPlainText(text)) {
			throw invalid();
		}
		return text;
	}

	/** An instant as {@link Instant#toString()} writes it; only what a BSON date can hold (milliseconds since 1970 in a long). */
	private static Instant parseInstant(String text) {
		if (text.length() > MAX_TIME_TEXT || !INSTANT.matcher(text).matches()) {
			throw invalid();
		}
		try {
			Instant instant = Instant.parse(text);
			if (instant.isBefore(MIN_INSTANT) || instant.isAfter(MAX_INSTANT)) {
				throw invalid();
			}
			return instant;
		}
		catch (DateTimeParseException ex) {
			throw invalid();
		}
	}

	/** A date as {@link LocalDate#toString()} writes it, years 0000 to 9999. */
	private static LocalDate parseDate(String text) {
		if (!DATE.matcher(text).matches()) {
			throw invalid();
		}
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw invalid();
		}
	}

	/** Only what Decimal128 can hold: the driver would otherwise fail deep inside the query (an internal error). */
	private static BigDecimal parseDecimal(String text) {
		if (!DECIMAL.matcher(text).matches()) {
			throw invalid();
		}
		BigDecimal decimal = new BigDecimal(text);
		long exponent = -(long) decimal.scale();
		if (decimal.precision() > MAX_DECIMAL_DIGITS || exponent < MIN_DECIMAL_EXPONENT
				|| exponent > MAX_DECIMAL_EXPONENT) {
			throw invalid();
		}
		return decimal;
	}

	private static InvalidArgumentException invalid() {
		return new InvalidArgumentException("after",
				"Not a valid cursor: pass the endCursor or an edge cursor of a previous page unchanged.");
	}

}
