package com.corpbank.portal.migration;

import java.time.LocalDate;

import com.corpbank.portal.graphql.InvalidArgumentException;

/** The one check of a history date argument: from {@link MigrationPeriod#EARLIEST} to today (Beijing). */
final class AsOfDate {

	private AsOfDate() {
	}

	/** @throws InvalidArgumentException naming {@code argument} */
	static LocalDate check(String argument, LocalDate date, LocalDate today) {
		if (date.isBefore(MigrationPeriod.EARLIEST) || date.isAfter(today)) {
			throw new InvalidArgumentException(argument, argument + " is a Beijing date from "
					+ MigrationPeriod.EARLIEST + " to today (" + today + "): history has nothing outside it.");
		}
		return date;
	}

}
