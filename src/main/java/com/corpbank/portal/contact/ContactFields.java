package com.corpbank.portal.contact;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.corpbank.portal.client.IdNumber;
import com.corpbank.portal.write.InputCheck;
import org.jspecify.annotations.Nullable;

/**
 * The rules of a contact's fields, shared by {@code addContact} and {@code updateContact}. Each method checks one
 * field through the mutation's {@link InputCheck} and returns its stored form, or null when it is absent or wrong
 * (then the check holds the error).
 * <ul>
 * <li>name: required, at most {@value #MAX_NAME} characters; title: optional, at most {@value #MAX_TITLE};</li>
 * <li>mobile: required, a mainland mobile number: 11 digits, {@code 13} to {@code 19} first. Spaces and '-' between
 * digits and a leading {@code +86} are accepted and dropped: {@code +86 138-1234-5678} is stored as
 * {@code 13812345678};</li>
 * <li>email: optional, {@code local@domain} with an ASCII dot-atom local part (at most 64 characters) and a domain of
 * at least two labels ending in a letters-only top-level label, at most 254 characters in all; the domain is stored
 * lower-cased, the local part as given;</li>
 * <li>idNumber: optional, a resident ID number with its GB 11643 check character (a trailing x is made X).</li>
 * </ul>
 */
final class ContactFields {

	static final int MAX_NAME = 100;

	static final int MAX_TITLE = 100;

	static final int MAX_EMAIL = 254;

	/** Room for "+86 138-1234-5678" and a few more separators, no more. */
	private static final int MAX_MOBILE_INPUT = 20;

	/** Longer than an ID number, so that a long one gets the ID number's own message. */
	private static final int MAX_ID_NUMBER_INPUT = 32;

	private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");

	private static final String ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";

	private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";

	private static final Pattern EMAIL = Pattern
		.compile("(" + ATOM + "(?:\\." + ATOM + ")*)@((?:" + LABEL + "\\.)+[A-Za-z]{2,63})");

	private ContactFields() {
	}

	static @Nullable String name(InputCheck check, @Nullable String value) {
		return check.requiredText("name", value, MAX_NAME);
	}

	static @Nullable String title(InputCheck check, @Nullable String value) {
		return check.optionalText("title", value, MAX_TITLE);
	}

	static @Nullable String mobile(InputCheck check, @Nullable String value) {
		String text = check.requiredText("mobile", value, MAX_MOBILE_INPUT);
		if (text == null) {
			return null;
		}
		String digits = text.replace(" ", "").replace("-", "");
		if (digits.startsWith("+86")) {
			digits = digits.substring(3);
		}
		if (!MOBILE.matcher(digits).matches()) {
			check.reject("mobile", "A mobile number is 11 digits starting with 13 to 19, e.g. 13812345678 "
					+ "(a leading +86, spaces and '-' are accepted).");
			return null;
		}
		return digits;
	}

	static @Nullable String email(InputCheck check, @Nullable String value) {
		String text = check.optionalText("email", value, MAX_EMAIL);
		if (text == null) {
			return null;
		}
		Matcher matcher = EMAIL.matcher(text);
		if (!matcher.matches() || matcher.group(1).length() > 64) {
			check.reject("email", "An email address looks like name@example.com (ASCII letters, digits and "
					+ "!#$%&'*+/=?^_`{|}~.- before the @, at most 64 characters; a domain such as example.com after it).");
			return null;
		}
		return matcher.group(1) + "@" + matcher.group(2).toLowerCase(Locale.ROOT);
	}

	static @Nullable String idNumber(InputCheck check, @Nullable String value) {
		String text = check.optionalText("idNumber", value, MAX_ID_NUMBER_INPUT);
		if (text == null) {
			return null;
		}
		String normalised = IdNumber.normalise(text);
		String problem = IdNumber.problem(normalised).orElse(null);
		if (problem != null) {
			check.reject("idNumber", problem);
			return null;
		}
		return normalised;
	}

}
