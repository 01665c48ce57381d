package com.corpbank.portal.client;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import com.corpbank.portal.write.InputCheck;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The rules of a client's profile fields, one place for both {@code createClient} and {@code updateClient}. Each
 * method checks one field into the given {@link InputCheck} (so every problem is reported at once) and returns the
 * value to store, or null when it was rejected. Text is trimmed and then stored as given: it is data.
 */
@Component
class ClientProfileRules {

	static final int MAX_NAME_LENGTH = 200;

	static final int MAX_ADDRESS_LENGTH = 200;

	static final int MAX_PERSON_NAME_LENGTH = 100;

	/** The largest headcount accepted: more than any employer has; a larger number is a typing error. */
	static final int MAX_EMPLOYEES = 5_000_000;

	/** The earliest founding date accepted; earlier is a typing error (a year 0025, say). */
	static final LocalDate EARLIEST_FOUNDING = LocalDate.of(1900, 1, 1);

	private final IndustryDivisions divisions;

	ClientProfileRules(IndustryDivisions divisions) {
		this.divisions = divisions;
	}

	/** A USCC as it will be stored, and the reason its failed check was overridden (null when it passed). */
	record UsccEntry(String code, @Nullable String checkOverride) {
	}

	@Nullable String name(InputCheck check, @Nullable String value) {
		return check.requiredText("name", value, MAX_NAME_LENGTH);
	}

	/**
	 * The USCC, trimmed and upper-cased. A malformed code is always refused; a well-formed one whose check
	 * characters fail is refused unless {@code override} gives the reason it is accepted (GB 32100 codes in real
	 * registries that fail the check exist). An override for a code that passes (or is unchanged) is refused too:
	 * the trail must not show an override that did not happen.
	 * @param unchangedIf the client's current code: giving it again needs no check (it was accepted before)
	 */
	@Nullable UsccEntry uscc(InputCheck check, @Nullable String value, @Nullable String override,
			@Nullable String unchangedIf) {
		String code = check.requiredText("uscc", value, 2 * Uscc.LENGTH);
		String reason = check.optionalText("usccCheckOverride", override, InputCheck.MAX_REASON_LENGTH);
		if (code == null) {
			return null;
		}
		code = code.toUpperCase(Locale.ROOT);
		Optional<String> malformed = Uscc.structureProblem(code);
		if (malformed.isPresent()) {
			check.reject("uscc", malformed.get());
			return null;
		}
		boolean needsOverride = !code.equals(unchangedIf) && !Uscc.isValid(code);
		if (!needsOverride) {
			if (reason != null) {
				check.reject("usccCheckOverride", "usccCheckOverride is only for a new USCC that fails its check"
						+ " characters; this one " + (code.equals(unchangedIf) ? "is unchanged." : "passes.")
						+ " Leave it out.");
			}
			return new UsccEntry(code, null);
		}
		if (reason == null) {
			if (!check.failed("usccCheckOverride")) {
				check.reject("uscc", "The USCC's check characters do not match (GB 32100): check it for a typing"
						+ " error. If the registry really holds this code, send usccCheckOverride with the reason.");
			}
			return null;
		}
		return new UsccEntry(code, reason);
	}

	/** The industry of a two-digit GB/T 4754 division code; the section follows from it. */
	@Nullable Industry industry(InputCheck check, @Nullable String value) {
		String code = check.requiredText("industryDivision", value, 8);
		if (code == null) {
			return null;
		}
		Optional<Industry> industry = code.matches("\\d{2}") ? this.divisions.industryOf(code) : Optional.empty();
		if (industry.isEmpty()) {
			check.reject("industryDivision", "industryDivision must be one of the " + this.divisions.divisionCount()
					+ " two-digit division codes of GB/T 4754-2017, e.g. 39 (computers and electronics).");
			return null;
		}
		return industry.get();
	}

	/** A six-digit GB/T 2260 code whose province the bank books (the region follows from it). */
	@Nullable String adminDivision(InputCheck check, @Nullable String value) {
		String code = check.requiredText("adminDivision", value, 12);
		if (code == null) {
			return null;
		}
		try {
			Regions.ofDivision(code);
			return code;
		}
		catch (IllegalArgumentException ex) {
			check.reject("adminDivision", "adminDivision is a six-digit GB/T 2260 code of a mainland province,"
					+ " e.g. 310115 (上海市浦东新区).");
			return null;
		}
	}

	/** Optional text: null or blank means none. */
	@Nullable String registeredAddress(InputCheck check, @Nullable String value) {
		return check.optionalText("registeredAddress", value, MAX_ADDRESS_LENGTH);
	}

	/** Not in the future (a Beijing date) and not before {@link #EARLIEST_FOUNDING}. */
	@Nullable LocalDate foundedOn(InputCheck check, @Nullable LocalDate value, LocalDate today) {
		if (value == null) {
			return null;
		}
		if (value.isAfter(today)) {
			check.reject("foundedOn", "foundedOn cannot be in the future (today is " + today + ").");
			return null;
		}
		if (value.isBefore(EARLIEST_FOUNDING)) {
			check.reject("foundedOn", "foundedOn is on or after " + EARLIEST_FOUNDING + ".");
			return null;
		}
		return value;
	}

	@Nullable Integer employees(InputCheck check, @Nullable Integer value) {
		return check.range("employees", value, 0, MAX_EMPLOYEES, false);
	}

	/** Name and ID number (GB 11643, check character included; a trailing x is read as X), both required. */
	@Nullable LegalRepresentative legalRepresentative(InputCheck check, @Nullable LegalRepresentativeInput value) {
		if (value == null) {
			return null;
		}
		InputCheck nested = check.nested("legalRepresentative");
		String name = nested.requiredText("name", value.name(), MAX_PERSON_NAME_LENGTH);
		String idNumber = nested.requiredText("idNumber", value.idNumber(), 2 * 18);
		if (idNumber != null) {
			idNumber = IdNumber.normalise(idNumber);
			Optional<String> problem = IdNumber.problem(idNumber);
			if (problem.isPresent()) {
				nested.reject("idNumber", problem.get());
				idNumber = null;
			}
		}
		return (name != null && idNumber != null) ? new LegalRepresentative(name, idNumber) : null;
	}

}
