package com.corpbank.portal.worklist;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.corpbank.portal.feedback.ComplaintStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/**
 * Open complaints 投诉 (OPEN or IN_PROGRESS) on clients in scope as they are now, due at their SLA
 * ({@code slaDueAt}). Read as plain documents of the {@code complaints} collection, by the fields its feature
 * writes: {@code _id}, {@code clientId}, {@code category}, {@code severity}, {@code status}, {@code slaDueAt}. A
 * complaint assigned to an RM on a client outside their book is not on their worklist: it is on the worklist of the
 * client's own RMs (the row scope is the client's, for every kind).
 */
@Component
class ComplaintItems implements WorklistSource {

	static final String COLLECTION = "complaints";

	static final String SLA_DUE_AT = "slaDueAt";

	/** The feature's own definition of open, as the names the store holds. */
	static final List<String> OPEN = ComplaintStatus.OPEN_STATUSES.stream().map(Enum::name).sorted().toList();

	private static final Sort ORDER = Sort.by(Sort.Direction.ASC, SLA_DUE_AT, "_id");

	private final WorklistStore store;

	ComplaintItems(WorklistStore store) {
		this.store = store;
	}

	@Override
	public WorklistKind kind() {
		return WorklistKind.COMPLAINT;
	}

	@Override
	public List<WorklistItem> page(WorklistRequest request, @Nullable UrgencyPosition after, int limit) {
		Criteria keyset = (after != null) ? after.afterOnInstant(kind(), SLA_DUE_AT, Duration.ZERO) : null;
		return this.store.joinedPage(null, COLLECTION, matching(request, keyset), ORDER, request, limit)
			.stream()
			.map(row -> request.item(kind(), row.getString("_id"), row.getString("clientId"),
					WorklistStore.joinedRm(row), instant(row.get(SLA_DUE_AT)),
					"投诉 Complaint (%s, %s): %s".formatted(row.get("status"), row.get("severity"), row.get("category"))))
			.toList();
	}

	@Override
	public Map<String, Counts> countByManager(WorklistRequest request) {
		return this.store.joinedCounts(null, COLLECTION, matching(request, null), overdue(request), request);
	}

	private Criteria matching(WorklistRequest request, @Nullable Criteria keyset) {
		// A complaint without an SLA date has no place in the order: the complaints feature always sets one.
		Criteria criteria = new Criteria().andOperator(Criteria.where("status").in(OPEN),
				Criteria.where(SLA_DUE_AT).ne(null));
		if (request.overdueOnly()) {
			criteria = new Criteria().andOperator(criteria, overdue(request));
		}
		return (keyset != null) ? new Criteria().andOperator(criteria, keyset) : criteria;
	}

	private static Criteria overdue(WorklistRequest request) {
		return Criteria.where(SLA_DUE_AT).lte(Date.from(request.now()));
	}

	private static Instant instant(@Nullable Object value) {
		return ((Date) Objects.requireNonNull(value)).toInstant();
	}

}
