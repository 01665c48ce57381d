package com.corpbank.portal.financials;

import java.time.LocalDate;
import java.time.Year;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A reporting period: a fiscal year {@code 2025} (ends 31 December) or a quarter {@code 2025Q3} (ends on the last day
 * of its third month). One spelling only, so that one period cannot be on file twice under two labels.
 *
 * @param quarter 1 to 4, or null for the whole year
 */
public record Period(int year, @Nullable Integer quarter) {

	/** The earliest year a statement may cover. */
	public static final int FIRST_YEAR = 1949;

	private static final Pattern LABEL = Pattern.compile("(\\d{4})(?:Q([1-4]))?");

	/** The period a label names, if it is one: "2025", "2025Q3". */
	public static Optional<Period> parse(String label) {
		Matcher matcher = LABEL.matcher(label);
		if (!matcher.matches()) {
			return Optional.empty();
		}
		int year = Integer.parseInt(matcher.group(1));
		Integer quarter = (matcher.group(2) != null) ? Integer.valueOf(matcher.group(2)) : null;
		return Optional.of(new Period(year, quarter));
	}

	/** True when the label names a whole fiscal year (the figures the 划型标准 table is written for). */
	public static boolean isAnnual(String label) {
		return parse(label).map(Period::annual).orElse(false);
	}

	public boolean annual() {
		return this.quarter == null;
	}

	/** The period's last day: 2025 → 2025-12-31, 2025Q3 → 2025-09-30. */
	public LocalDate end() {
		int lastMonth = (this.quarter != null) ? this.quarter * 3 : 12;
		return Year.of(this.year).atMonth(lastMonth).atEndOfMonth();
	}

	public String label() {
		return (this.quarter != null) ? this.year + "Q" + this.quarter : Integer.toString(this.year);
	}

}
