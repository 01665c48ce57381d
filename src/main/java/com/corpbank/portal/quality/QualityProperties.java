package com.corpbank.portal.quality;

import java.time.DateTimeException;
import java.time.MonthDay;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Data quality settings ({@code portal.quality}, default in application.yml). Checked at start-up.
 *
 * @param annualStatementDue {@code MM-dd}: the day of each year by which the previous fiscal year's annual statement
 * must be on file. Up to and including that day the year before it is still enough; from the next day a client
 * without the previous year's annual statement has stale statements. Default {@code 05-31} (the 汇算清缴 deadline).
 */
@ConfigurationProperties("portal.quality")
public record QualityProperties(@Nullable String annualStatementDue) {

	static final String DEFAULT_DUE = "05-31";

	public QualityProperties {
		dueDay(annualStatementDue);
	}

	/** The due day as a {@link MonthDay}. */
	MonthDay due() {
		return dueDay(this.annualStatementDue);
	}

	private static MonthDay dueDay(@Nullable String text) {
		String value = (text == null || text.isBlank()) ? DEFAULT_DUE : text.strip();
		try {
			return MonthDay.parse("--" + value);
		}
		catch (DateTimeException ex) {
			throw new IllegalArgumentException(
					"portal.quality.annual-statement-due must be a day of the year as MM-dd, e.g. 05-31: " + value);
		}
	}

}
