package com.corpbank.portal.graphql;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.jspecify.annotations.Nullable;

/**
 * An opaque keyset cursor: the order it belongs to, the sort key of the last row and that row's id (the
 * tie-breaker). Keyset rather than offset so that a page never skips or repeats rows when others are inserted.
 * Values are typed so a decimal key comes back as a decimal, not a float.
 */
public record KeysetCursor(String order, @Nullable Object value, String id) {

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
	 * @param expectedOrder the order of the current request; a cursor from another order is rejected
	 * @throws InvalidArgumentException when the cursor is not one of ours or belongs to another order
	 */
	public static KeysetCursor decode(String cursor, String expectedOrder) {
		String raw;
		try {
			raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw invalid();
		}
		String[] parts = raw.split(String.valueOf(SEPARATOR), -1);
		if (parts.length != 4 || parts[3].isEmpty()) {
			throw invalid();
		}
		if (!parts[0].equals(expectedOrder)) {
			throw new InvalidArgumentException("after",
					"This cursor belongs to another order; request the first page again with the new orderBy.");
		}
		Object value = switch (parts[1]) {
			case "N" -> null;
			case "S" -> parts[2];
			case "D" -> parseDecimal(parts[2]);
			default -> throw invalid();
		};
		return new KeysetCursor(parts[0], value, parts[3]);
	}

	private static BigDecimal parseDecimal(String text) {
		try {
			return new BigDecimal(text);
		}
		catch (NumberFormatException ex) {
			throw invalid();
		}
	}

	private static InvalidArgumentException invalid() {
		return new InvalidArgumentException("after",
				"Not a valid cursor: pass the endCursor or an edge cursor of a previous page unchanged.");
	}

}
