package com.corpbank.portal.client;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Resident identity card number 公民身份号码 (GB 11643-1999): 18 characters, six-digit address code, birth date
 * YYYYMMDD, three-digit sequence, and a check character (ISO 7064 MOD 11-2: 0-9 or X).
 */
public final class IdNumber {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final String CHECK_CHARACTERS = "10X98765432";

	private IdNumber() {
	}

	/**
	 * Why the number is not valid, in words a user can act on; empty when it is valid. A lower-case x is accepted
	 * by {@link #normalise} before this check.
	 */
	public static Optional<String> problem(String idNumber) {
		if (idNumber.length() != 18 || !idNumber.substring(0, 17).chars().allMatch(c -> c >= '0' && c <= '9')) {
			return Optional.of("An ID number is 18 characters: 17 digits and a check character (0-9 or X).");
		}
		char check = idNumber.charAt(17);
		if (!(check >= '0' && check <= '9') && check != 'X') {
			return Optional.of("An ID number ends with a digit or X.");
		}
		try {
			LocalDate.of(Integer.parseInt(idNumber.substring(6, 10)), Integer.parseInt(idNumber.substring(10, 12)),
					Integer.parseInt(idNumber.substring(12, 14)));
		}
		catch (DateTimeException ex) {
			return Optional.of("Characters 7 to 14 of an ID number are a birth date (YYYYMMDD); this one is not a date.");
		}
		if (check != checkCharacter(idNumber)) {
			return Optional.of("The ID number's check character does not match (GB 11643): check it for a typing error.");
		}
		return Optional.empty();
	}

	/** Trimmed, with a trailing lower-case x made upper-case. */
	public static String normalise(String idNumber) {
		String trimmed = idNumber.strip();
		return trimmed.endsWith("x") ? trimmed.substring(0, trimmed.length() - 1) + "X" : trimmed;
	}

	/** The check character for the first 17 digits. */
	public static char checkCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK_CHARACTERS.charAt(sum % 11);
	}

}
