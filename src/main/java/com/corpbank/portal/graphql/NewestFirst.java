package com.corpbank.portal.graphql;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.corpbank.portal.BankTime;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * A newest-first keyset over a time field and {@code _id} (the tie-breaker), as the event-like lists use it (churn
 * alerts by {@code openedAt}, interactions by {@code occurredAt}): the cursor of a row, the criteria of "after this
 * cursor", its in-memory twin, and a Beijing-date range on the same field.
 *
 * @param order the cursor's order tag: a cursor of another list is refused
 * @param timeField the stored field the list is ordered by
 */
public record NewestFirst(String order, String timeField) {

	/** Where a page ends: the last row's time and id. */
	public record Position(Instant at, String id) {

		/** Whether a row at {@code at} with {@code id} comes after this position, newest first. */
		public boolean precedes(Instant rowAt, String rowId) {
			int byTime = rowAt.compareTo(this.at);
			return byTime < 0 || (byTime == 0 && rowId.compareTo(this.id) < 0);
		}

	}

	/** The list's order: newest first, ties by id descending. */
	public Sort sort() {
		return Sort.by(Sort.Direction.DESC, this.timeField, "_id");
	}

	public String cursorOf(Instant at, String id) {
		return new KeysetCursor(this.order, at.toString(), id).encode();
	}

	/** @throws InvalidArgumentException on {@code after} when it is not a cursor of this list */
	public Position decode(String after) {
		KeysetCursor cursor = KeysetCursor.decode(after, this.order);
		try {
			return new Position(Instant.parse(String.valueOf(cursor.value())), cursor.id());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidArgumentException("after",
					"Not a valid cursor: pass the endCursor or an edge cursor of a previous page unchanged.");
		}
	}

	/** The rows after the cursor, newest first. */
	public Criteria after(String after) {
		Position position = decode(after);
		return new Criteria().orOperator(Criteria.where(this.timeField).lt(position.at()),
				new Criteria().andOperator(Criteria.where(this.timeField).is(position.at()),
						Criteria.where("_id").lt(position.id())));
	}

	/**
	 * The rows whose time falls on the Beijing dates {@code from} to {@code to}, both inclusive (either may be open).
	 * @param argument the filter argument's path, e.g. {@code filter}, for the error
	 * @param fromName the filter's field for {@code from}, e.g. {@code openedFrom}
	 * @param toName the filter's field for {@code to}, e.g. {@code openedTo}
	 * @throws InvalidArgumentException on {@code toName} when {@code to} is before {@code from}
	 */
	public List<Criteria> onDates(@Nullable LocalDate from, @Nullable LocalDate to, String argument, String fromName,
			String toName) {
		if (from != null && to != null && to.isBefore(from)) {
			throw new InvalidArgumentException(argument + "." + toName, toName + " must not be before " + fromName + ".");
		}
		List<Criteria> range = new ArrayList<>(2);
		if (from != null) {
			range.add(Criteria.where(this.timeField).gte(from.atStartOfDay(BankTime.ZONE).toInstant()));
		}
		if (to != null) {
			// Inclusive: every row of that Beijing day.
			range.add(Criteria.where(this.timeField).lt(to.plusDays(1).atStartOfDay(BankTime.ZONE).toInstant()));
		}
		return range;
	}

}
