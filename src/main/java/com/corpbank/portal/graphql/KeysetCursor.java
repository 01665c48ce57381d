package com.corpbank.portal.graphql;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * An opaque keyset cursor: the order it belongs to, the sort key of the last row and that row's id (the
 * tie-breaker). Keyset rather than offset so that a page never skips or repeats rows when others are inserted.
 * Values are typed so a decimal key comes back as a decimal, not a float.
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

	private static final char SEPARATOR = '\u001F';

	public KeysetCursor {
		if (value != null && !(value instanceof String) && !(value instanceof BigDecimal)) {
			throw new IllegalArgumentException("Unsupported keyset value type: " + value.getClass());
		}
	}

	public String encode() {
		String type = (this.value == null) ? "N" : (this.value instanceof BigDecimal) ? "D" : "S";
		String text = (this.value == null) ? "" : (this.value instanceof BigDecimal decimal) ? decimal.toPlainString()
				: (String) this.value;
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
