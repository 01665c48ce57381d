package com.corpbank.portal.client;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Unified Social Credit Code 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet.
 *
 * <ul>
 * <li>1: registration authority (9 = market regulator 市场监管)</li>
 * <li>2: organisation type (under 9: 1 enterprise, 2 individual business, 3 farmers' co-op)</li>
 * <li>3-8: administrative division (GB/T 2260)</li>
 * <li>9-17: organisation code (GB 11714), whose own check char is position 17</li>
 * <li>18: check char over positions 1-17</li>
 * </ul>
 *
 * <p>Validation here is structural and arithmetic only. Real registries hold a few codes that fail a check, so a
 * caller reports a failure as a validation error that an authorised user may override; it never fixes a code.
 */
public final class Uscc {

	/** The code alphabet, position = value 0..30: no I, O, S, V, Z (easily confused with 1, 0, 5, U, 2). */
	public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	public static final int LENGTH = 18;

	// W(i) = 3^(i-1) mod 31, i = 1..17.
	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	// GB 11714 organisation code weights over its first 8 chars.
	private static final int[] ORG_WEIGHTS = { 3, 7, 9, 10, 5, 8, 4, 2 };

	private Uscc() {
	}

	/**
	 * Why {@code code} is not even shaped like a USCC, in words a user can act on; empty when it is 18 characters of
	 * {@link #ALPHABET} with a numeric division. Such a code may still fail its check characters ({@link #isValid}):
	 * that failure alone can be overridden, a malformed code never.
	 */
	public static Optional<String> structureProblem(String code) {
		if (code.length() != LENGTH) {
			return Optional.of("A USCC is 18 characters; this one has " + code.length() + ".");
		}
		for (int i = 0; i < LENGTH; i++) {
			if (ALPHABET.indexOf(code.charAt(i)) < 0) {
				return Optional.of("A USCC uses only 0-9 and the letters A-Y without I, O, S, V (character "
						+ (i + 1) + " is not one of them).");
			}
		}
		for (int i = 2; i < 8; i++) {
			if (!isDigit(code.charAt(i))) {
				return Optional.of("Characters 3 to 8 of a USCC are the six-digit administrative division.");
			}
		}
		return Optional.empty();
	}

	/**
	 * Whether {@code code} is a well-formed USCC: 18 upper-case chars from {@link #ALPHABET}, a numeric
	 * division, a correct organisation-code check char (position 17) and a correct check char (position 18).
	 */
	public static boolean isValid(@Nullable String code) {
		if (code == null || code.length() != LENGTH) {
			return false;
		}
		for (int i = 0; i < LENGTH; i++) {
			if (ALPHABET.indexOf(code.charAt(i)) < 0) {
				return false;
			}
		}
		for (int i = 2; i < 8; i++) {
			if (!isDigit(code.charAt(i))) {
				return false;
			}
		}
		return orgCodeCheckChar(code.substring(8, 16)) == code.charAt(16)
				&& checkChar(code.substring(0, 17)) == code.charAt(17);
	}

	/**
	 * The check char (position 18) for the first 17 chars: {@code 31 - (sum v(i) * W(i) mod 31)}, where 31 maps
	 * to 0.
	 * @throws IllegalArgumentException if {@code first17} is not 17 chars of {@link #ALPHABET}
	 */
	public static char checkChar(String first17) {
		if (first17.length() != 17) {
			throw new IllegalArgumentException("expected 17 chars, got " + first17.length());
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			int value = ALPHABET.indexOf(first17.charAt(i));
			if (value < 0) {
				throw new IllegalArgumentException("not a USCC char at position " + (i + 1) + ": " + first17.charAt(i));
			}
			sum += value * WEIGHTS[i];
		}
		return ALPHABET.charAt((31 - sum % 31) % 31);
	}

	/**
	 * The GB 11714 organisation-code check char for the first 8 chars of an organisation code (digits 0-9 and
	 * letters A-Z valued 10-35): {@code 11 - (sum v(i) * w(i) mod 11)}, where 10 maps to {@code X} and 11 to
	 * {@code 0}.
	 * @throws IllegalArgumentException if {@code first8} is not 8 digits or upper-case letters
	 */
	public static char orgCodeCheckChar(String first8) {
		if (first8.length() != 8) {
			throw new IllegalArgumentException("expected 8 chars, got " + first8.length());
		}
		int sum = 0;
		for (int i = 0; i < 8; i++) {
			char c = first8.charAt(i);
			int value;
			if (isDigit(c)) {
				value = c - '0';
			}
			else if (c >= 'A' && c <= 'Z') {
				value = c - 'A' + 10;
			}
			else {
				throw new IllegalArgumentException("not an organisation-code char at position " + (i + 1) + ": " + c);
			}
			sum += value * ORG_WEIGHTS[i];
		}
		int check = 11 - sum % 11;
		return switch (check) {
			case 10 -> 'X';
			case 11 -> '0';
			default -> (char) ('0' + check);
		};
	}

	/**
	 * Builds a valid code: appends the organisation-code check char to {@code orgCodeBase} and the final check
	 * char to the whole.
	 * @param registrationAuthority position 1, e.g. {@code '9'} for the market regulator
	 * @param organisationType position 2, e.g. {@code '1'} for an enterprise
	 * @param adminDivision six-digit GB/T 2260 division, e.g. {@code "310115"}
	 * @param orgCodeBase the first 8 chars of the organisation code, from {@link #ALPHABET}
	 * @throws IllegalArgumentException if a part is malformed
	 */
	public static String of(char registrationAuthority, char organisationType, String adminDivision,
			String orgCodeBase) {
		if (adminDivision.length() != 6 || !adminDivision.chars().allMatch(c -> isDigit((char) c))) {
			throw new IllegalArgumentException("administrative division must be six digits: " + adminDivision);
		}
		if (orgCodeBase.length() != 8 || !orgCodeBase.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
			throw new IllegalArgumentException("organisation code base must be 8 USCC chars: " + orgCodeBase);
		}
		if (ALPHABET.indexOf(registrationAuthority) < 0 || ALPHABET.indexOf(organisationType) < 0) {
			throw new IllegalArgumentException(
					"not USCC chars: " + registrationAuthority + ", " + organisationType);
		}
		String first17 = "" + registrationAuthority + organisationType + adminDivision + orgCodeBase
				+ orgCodeCheckChar(orgCodeBase);
		return first17 + checkChar(first17);
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

}
