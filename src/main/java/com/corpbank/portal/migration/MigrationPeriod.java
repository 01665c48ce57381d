package com.corpbank.portal.migration;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;

import com.corpbank.portal.BankTime;
import com.corpbank.portal.graphql.InvalidArgumentException;

/**
 * The two Beijing dates a migration is read between, checked once, here: {@code from} on or before {@code to}, both
 * between {@link #EARLIEST} and today, at most {@link #MAX_YEARS} years apart. A date "is" the end of that Beijing
 * day: the tier on {@code from} is the one in force after the last evaluation made on or before that day.
 */
record MigrationPeriod(LocalDate from, LocalDate to) {

	/** No history is older than the portal; a date before this is a mistake, not a question. */
	static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

	/** The widest span one matrix covers. */
	static final int MAX_YEARS = 10;

	/**
	 * @param today the Beijing date now: a date after it has no history yet
	 * @throws InvalidArgumentException naming {@code from} or {@code to}
	 */
	static MigrationPeriod of(LocalDate from, LocalDate to, LocalDate today) {
		AsOfDate.check("from", from, today);
		AsOfDate.check("to", to, today);
		if (to.isBefore(from)) {
			throw new InvalidArgumentException("to", "to is on or after from (" + from + ").");
		}
		if (ChronoUnit.YEARS.between(from, to) >= MAX_YEARS) {
			throw new InvalidArgumentException("to", "from and to are less than " + MAX_YEARS + " years apart.");
		}
		return new MigrationPeriod(from, to);
	}

	/** The first instant after the Beijing day {@code date}: history entries before it were made on or before it. */
	static Date endOf(LocalDate date) {
		return Date.from(date.plusDays(1).atStartOfDay(BankTime.ZONE).toInstant());
	}

}
