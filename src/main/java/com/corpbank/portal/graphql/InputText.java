package com.corpbank.portal.graphql;

import java.util.regex.Pattern;

/**
 * Rules for text that callers send, shared by the inputs that carry it. Each input still checks itself in one
 * place (its record, its controller method or {@link KeysetCursor#decode}); these are only the words it uses.
 */
public final class InputText {

	/** The longest document id accepted in an argument or a cursor; ids are generated and far shorter. */
	public static final int MAX_ID_LENGTH = 64;

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_ID_LENGTH + "}");

	private InputText() {
	}

	/** Characters, not UTF-16 units: an emoji counts once, as a person reading the limit expects. */
	public static int length(String text) {
		return text.codePointCount(0, text.length());
	}

	/**
	 * True when the text has no control characters (NUL, line breaks, C1 controls, ...) and no unpaired surrogate
	 * halves (which are not text at all and become '?' on their way to the store).
	 */
	public static boolean isPlainText(String text) {
		return text.codePoints().noneMatch(cp -> Character.getType(cp) == Character.CONTROL
				|| Character.getType(cp) == Character.SURROGATE);
	}

	/** True for an id of ASCII letters, digits, '-' and '_', at most {@value #MAX_ID_LENGTH} characters. */
	public static boolean isId(String text) {
		return ID.matcher(text).matches();
	}

	/**
	 * Checks an id argument, length first so that a huge value is refused before anything else reads it.
	 * @throws InvalidArgumentException naming the argument and the cap
	 */
	public static String requireId(String argument, String id) {
		if (id.length() > MAX_ID_LENGTH) {
			throw new InvalidArgumentException(argument,
					argument + " is at most " + MAX_ID_LENGTH + " characters.");
		}
		if (!isId(id)) {
			throw new InvalidArgumentException(argument,
					argument + " is made of letters, digits, '-' and '_' (1 to " + MAX_ID_LENGTH + " characters).");
		}
		return id;
	}

}
