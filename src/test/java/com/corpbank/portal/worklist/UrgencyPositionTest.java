package com.corpbank.portal.worklist;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link UrgencyPosition}: the order, the cursor, and "after" as a range on each source's own field. */
class UrgencyPositionTest {

	/** 2026-11-19 00:00 in Beijing. */
	static final Instant MIDNIGHT = Instant.parse("2026-11-18T16:00:00Z");

	@Test
	void theOrderIsDueThenKindRankThenSourceId() {
		List<UrgencyPosition> positions = new ArrayList<>(List.of(
				new UrgencyPosition(MIDNIGHT, WorklistKind.FOLLOW_UP, "C-1"),
				new UrgencyPosition(MIDNIGHT.plusSeconds(1), WorklistKind.COMPLAINT, "CP-0"),
				new UrgencyPosition(MIDNIGHT, WorklistKind.COMPLAINT, "CP-2"),
				new UrgencyPosition(MIDNIGHT, WorklistKind.COMPLAINT, "CP-1"),
				new UrgencyPosition(MIDNIGHT.minusSeconds(1), WorklistKind.TIER_OVERRIDE_EXPIRY, "OV-1")));
		positions.sort(UrgencyPosition.ORDER);
		assertThat(positions).extracting(UrgencyPosition::sourceId).containsExactly("OV-1", "CP-1", "CP-2", "C-1",
				"CP-0");
	}

	@Test
	void aCursorComesBackAsItsPosition() {
		for (WorklistKind kind : WorklistKind.values()) {
			UrgencyPosition position = new UrgencyPosition(MIDNIGHT.plusNanos(1234), kind, "X_1-2");
			assertThat(UrgencyPosition.decode(position.encode())).isEqualTo(position);
		}
	}

	@Test
	void afterOnAnInstantFieldIsStrictForLowerRanksInclusiveForHigherAndTiedByIdForTheSame() {
		UrgencyPosition position = new UrgencyPosition(MIDNIGHT, WorklistKind.CHURN_ALERT, "CA-5");
		Instant opened = MIDNIGHT.minus(Duration.ofDays(3));
		assertThat(criteria(position.afterOnInstant(WorklistKind.COMPLAINT, "slaDueAt", Duration.ZERO)))
			.isEqualTo(new Document("slaDueAt", new Document("$gt", MIDNIGHT)));
		assertThat(criteria(position.afterOnInstant(WorklistKind.FOLLOW_UP, "t", Duration.ZERO)))
			.isEqualTo(new Document("t", new Document("$gte", MIDNIGHT)));
		assertThat(criteria(position.afterOnInstant(WorklistKind.CHURN_ALERT, "openedAt", Duration.ofDays(3))))
			.isEqualTo(new Document("$or", List.of(new Document("openedAt", new Document("$gt", opened)),
					new Document("$and", List.of(new Document("openedAt", opened),
							new Document("_id", new Document("$gt", "CA-5")))))));
	}

	@Test
	void afterOnADateFieldCanOnlyTieAtABeijingMidnight() {
		// A follow-up due on 11-18 is due at MIDNIGHT: a tie is possible, broken by rank and id.
		UrgencyPosition atMidnight = new UrgencyPosition(MIDNIGHT, WorklistKind.COMPLAINT, "CP-1");
		assertThat(criteria(atMidnight.afterOnDate(WorklistKind.FOLLOW_UP, "d", 1)))
			.isEqualTo(new Document("d", new Document("$gte", LocalDate.of(2026, 11, 18))));
		UrgencyPosition later = new UrgencyPosition(MIDNIGHT, WorklistKind.TIER_OVERRIDE_EXPIRY, "OV-1");
		assertThat(criteria(later.afterOnDate(WorklistKind.FOLLOW_UP, "d", 1)))
			.isEqualTo(new Document("d", new Document("$gt", LocalDate.of(2026, 11, 18))));
		// 10:00 in Beijing: no date-keyed row is due then; every row of the day after comes next, whatever its rank
		UrgencyPosition midMorning = new UrgencyPosition(MIDNIGHT.plus(Duration.ofHours(10)), WorklistKind.COMPLAINT,
				"CP-1");
		assertThat(criteria(midMorning.afterOnDate(WorklistKind.TIER_OVERRIDE_EXPIRY, "e", 0)))
			.isEqualTo(new Document("e", new Document("$gt", LocalDate.of(2026, 11, 19))));
	}

	@Test
	void horizonsMustBePositive() {
		assertThatThrownBy(() -> new WorklistProperties(Period.ZERO, Period.ofDays(30), Duration.ofDays(3)))
			.hasMessageContaining("due-soon");
		assertThatThrownBy(() -> new WorklistProperties(Period.ofDays(14), Period.ofDays(-1), Duration.ofDays(3)))
			.hasMessageContaining("override-expiry");
		assertThatThrownBy(() -> new WorklistProperties(Period.ofDays(14), Period.ofDays(30), Duration.ZERO))
			.hasMessageContaining("churn-response");
	}

	private static Document criteria(org.springframework.data.mongodb.core.query.Criteria criteria) {
		return criteria.getCriteriaObject();
	}

}
