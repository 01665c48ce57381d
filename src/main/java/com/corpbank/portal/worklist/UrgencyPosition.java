package com.corpbank.portal.worklist;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;

import com.corpbank.portal.BankTime;
import com.corpbank.portal.graphql.InputText;
import com.corpbank.portal.graphql.InvalidArgumentException;
import com.corpbank.portal.graphql.KeysetCursor;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * A place in the urgency order: due instant ascending, then the kind's rank, then the source id. The order is total
 * (a source id is unique within its kind), so a keyset cursor on it never skips or repeats an item across pages,
 * whichever kinds the pages mix.
 *
 * <p>Each source keys its query on one stored field from which {@code dueAt} follows: an instant shifted by a fixed
 * duration (a complaint's {@code slaDueAt}, a churn alert's {@code openedAt}), or a Beijing date whose day starts
 * at {@code dueAt} after a fixed shift in days (a follow-up's {@code dueOn} + 1, an override's {@code expiresOn}).
 * "After this position" thus becomes a range on that field, which the field's index serves.
 */
public record UrgencyPosition(Instant dueAt, WorklistKind kind, String sourceId) {

	static final String CURSOR_ORDER = "worklistByUrgency";

	/** The worklist's order. */
	static final Comparator<UrgencyPosition> ORDER = Comparator.comparing(UrgencyPosition::dueAt)
		.thenComparingInt(position -> position.kind().rank())
		.thenComparing(UrgencyPosition::sourceId);

	/** The cursor: the due instant as a typed instant, and the kind's rank before the source id. */
	String encode() {
		return new KeysetCursor(CURSOR_ORDER, this.dueAt, this.kind.rank() + "-" + this.sourceId).encode();
	}

	/** @throws InvalidArgumentException on {@code after} when it is not a worklist cursor */
	static UrgencyPosition decode(String after) {
		KeysetCursor cursor = KeysetCursor.decode(after, CURSOR_ORDER);
		String id = cursor.id();
		int dash = id.indexOf('-');
		if (!(cursor.value() instanceof Instant dueAt) || dash != 1 || !Character.isDigit(id.charAt(0))) {
			throw invalid();
		}
		int rank = id.charAt(0) - '0';
		String sourceId = id.substring(2);
		if (rank >= WorklistKind.values().length || sourceId.isEmpty() || !InputText.isId(sourceId)) {
			throw invalid();
		}
		return new UrgencyPosition(dueAt, WorklistKind.values()[rank], sourceId);
	}

	/**
	 * The rows of {@code kind} after this position, for a source whose {@code dueAt} is {@code field + offset}.
	 */
	public Criteria afterOnInstant(WorklistKind rowKind, String field, Duration offset) {
		Instant key = this.dueAt.minus(offset);
		int byKind = Integer.compare(rowKind.rank(), this.kind.rank());
		if (byKind < 0) {
			// Same instant, lower rank: already listed.
			return Criteria.where(field).gt(key);
		}
		if (byKind > 0) {
			return Criteria.where(field).gte(key);
		}
		return new Criteria().orOperator(Criteria.where(field).gt(key),
				new Criteria().andOperator(Criteria.where(field).is(key), Criteria.where("_id").gt(this.sourceId)));
	}

	/**
	 * The rows of {@code kind} after this position, for a source whose {@code dueAt} is the start (Beijing) of the
	 * day {@code field + dayShift}.
	 */
	public Criteria afterOnDate(WorklistKind rowKind, String field, int dayShift) {
		LocalDate day = LocalDate.ofInstant(this.dueAt, BankTime.ZONE);
		// A row's dueAt is always a Beijing midnight: it can only equal this position's when this one is one too.
		boolean midnight = day.atStartOfDay(BankTime.ZONE).toInstant().equals(this.dueAt);
		LocalDate key = day.minusDays(dayShift);
		int byKind = Integer.compare(rowKind.rank(), this.kind.rank());
		if (!midnight || byKind < 0) {
			return Criteria.where(field).gt(key);
		}
		if (byKind > 0) {
			return Criteria.where(field).gte(key);
		}
		return new Criteria().orOperator(Criteria.where(field).gt(key),
				new Criteria().andOperator(Criteria.where(field).is(key), Criteria.where("_id").gt(this.sourceId)));
	}

	private static InvalidArgumentException invalid() {
		return new InvalidArgumentException("after",
				"Not a valid cursor: pass the endCursor or an edge cursor of a previous page unchanged.");
	}

}
