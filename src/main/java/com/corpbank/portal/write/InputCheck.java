package com.corpbank.portal.write;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import com.corpbank.portal.graphql.InputText;
import org.jspecify.annotations.Nullable;

/**
 * Checks one mutation input and collects every problem at once, each with its input path, so the user fixes all
 * of them in one go. Text is trimmed, must be plain (no control characters) and fit its cap; it is then stored as
 * given: it is data, never part of a query. Money is a decimal with at most two decimals within ±10^15.
 *
 * <pre>
 * InputCheck check = InputCheck.of("input");
 * String name = check.requiredText("name", input.name(), 200);
 * check.throwIfInvalid();
 * </pre>
 */
public final class InputCheck {

	/** The largest amount of money accepted, in yuan: 10^15. */
	public static final BigDecimal MONEY_LIMIT = BigDecimal.TEN.pow(15);

	/** The cap on a change's reason. */
	public static final int MAX_REASON_LENGTH = 500;

	private final List<String> path;

	private final List<UserError> errors;

	private InputCheck(List<String> path, List<UserError> errors) {
		this.path = List.copyOf(path);
		this.errors = errors;
	}

	/** A checker for the input at this path, usually {@code of("input")}. */
	public static InputCheck of(String... path) {
		return new InputCheck(List.of(path), new ArrayList<>());
	}

	/** A checker for a nested input object; its errors land in this checker's list. */
	public InputCheck nested(String field) {
		return new InputCheck(pathOf(field), this.errors);
	}

	/** The path of a field of this input, e.g. [input, uscc]. */
	public List<String> pathOf(String field) {
		List<String> full = new ArrayList<>(this.path);
		full.add(field);
		return List.copyOf(full);
	}

	public void reject(String field, String message) {
		reject(UserErrorCode.VALIDATION, field, message);
	}

	public void reject(UserErrorCode code, String field, String message) {
		this.errors.add(UserError.of(code, pathOf(field), message));
	}

	/** True when a problem was found for exactly this field. */
	public boolean failed(String field) {
		List<String> fieldPath = pathOf(field);
		return this.errors.stream().anyMatch(error -> error.field().equals(fieldPath));
	}

	public boolean isValid() {
		return this.errors.isEmpty();
	}

	public List<UserError> errors() {
		return List.copyOf(this.errors);
	}

	/** Ends the check: nothing has been written yet, so a rejection changes nothing. */
	public void throwIfInvalid() {
		if (!this.errors.isEmpty()) {
			throw new MutationRejected(this.errors);
		}
	}

	// ---- Text ----------------------------------------------------------------------------------------------

	/** Trimmed text that must be present and not blank; null (with an error) otherwise. */
	public @Nullable String requiredText(String field, @Nullable String value, int maxLength) {
		if (value == null || value.isBlank()) {
			reject(field, field + " is required.");
			return null;
		}
		return text(field, value, maxLength);
	}

	/** Trimmed text when given; null when absent or blank (absent means "no value"). */
	public @Nullable String optionalText(String field, @Nullable String value, int maxLength) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return text(field, value, maxLength);
	}

	private @Nullable String text(String field, String value, int maxLength) {
		// Length first: a huge value is refused before anything else reads it.
		if (value.length() > 4 * maxLength || InputText.length(value.strip()) > maxLength) {
			reject(field, field + " is at most " + maxLength + " characters.");
			return null;
		}
		if (!InputText.isPlainText(value)) {
			reject(field, field + " must not contain control characters (line breaks, tabs, NUL, ...).");
			return null;
		}
		return value.strip();
	}

	/** A reason for a change: required, plain, at most {@value #MAX_REASON_LENGTH} characters. */
	public @Nullable String reason(@Nullable String value) {
		return requiredText("reason", value, MAX_REASON_LENGTH);
	}

	// ---- Numbers -------------------------------------------------------------------------------------------

	/**
	 * Money: at most two decimals, within ±10^15, not negative when {@code mayBeNegative} is false. Returned with
	 * scale 2 so that "1200" and "1200.00" are stored alike.
	 */
	public @Nullable BigDecimal money(String field, @Nullable BigDecimal value, boolean required,
			boolean mayBeNegative) {
		if (value == null) {
			if (required) {
				reject(field, field + " is required.");
			}
			return null;
		}
		if (value.stripTrailingZeros().scale() > 2) {
			reject(field, field + " has at most 2 decimals (fen).");
			return null;
		}
		if (value.abs().compareTo(MONEY_LIMIT) > 0) {
			reject(field, field + " must be within ±10^15.");
			return null;
		}
		if (!mayBeNegative && value.signum() < 0) {
			reject(field, field + " must not be negative.");
			return null;
		}
		return value.setScale(2, RoundingMode.UNNECESSARY);
	}

	/** An integer within [min, max]; null (with an error when required) otherwise. */
	public @Nullable Integer range(String field, @Nullable Integer value, int min, int max, boolean required) {
		if (value == null) {
			if (required) {
				reject(field, field + " is required.");
			}
			return null;
		}
		if (value < min || value > max) {
			reject(field, field + " must be between " + min + " and " + max + ".");
			return null;
		}
		return value;
	}

	/** The version the caller read, required on every change to an existing record. */
	public long expectedVersion(@Nullable Integer value) {
		Integer version = range("expectedVersion", value, 0, Integer.MAX_VALUE, true);
		return (version != null) ? version : -1;
	}

	/** An id of another record named in the input (plain letters, digits, '-' and '_'). */
	public @Nullable String id(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			reject(field, field + " is required.");
			return null;
		}
		if (!InputText.isId(value)) {
			reject(field, field + " is made of letters, digits, '-' and '_' (1 to " + InputText.MAX_ID_LENGTH
					+ " characters).");
			return null;
		}
		return value;
	}

}
