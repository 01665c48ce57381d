package com.corpbank.portal.worklist;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.corpbank.portal.churn.ChurnAlert;
import com.corpbank.portal.churn.ChurnAlertStatus;
import com.corpbank.portal.churn.FiredSignal;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/**
 * Churn alerts 流失预警 not yet CLOSED, on clients in scope as they are now. Due {@code portal.worklist.churn-response}
 * after they opened, so the order on {@code openedAt} is the urgency order.
 */
@Component
class ChurnAlertItems implements WorklistSource {

	static final String COLLECTION = "churn_alerts";

	static final String OPENED_AT = "openedAt";

	static final List<ChurnAlertStatus> NOT_CLOSED = List.of(ChurnAlertStatus.OPEN, ChurnAlertStatus.ACKNOWLEDGED,
			ChurnAlertStatus.ACTIONED);

	private static final Sort ORDER = Sort.by(Sort.Direction.ASC, OPENED_AT, "_id");

	private final WorklistStore store;

	private final WorklistProperties properties;

	ChurnAlertItems(WorklistStore store, WorklistProperties properties) {
		this.store = store;
		this.properties = properties;
	}

	@Override
	public WorklistKind kind() {
		return WorklistKind.CHURN_ALERT;
	}

	@Override
	public List<WorklistItem> page(WorklistRequest request, @Nullable UrgencyPosition after, int limit) {
		Criteria keyset = (after != null) ? after.afterOnInstant(kind(), OPENED_AT, this.properties.churnResponse())
				: null;
		return this.store.joinedPage(ChurnAlert.class, COLLECTION, matching(request, keyset), ORDER, request, limit)
			.stream()
			.map(row -> {
				ChurnAlert alert = this.store.read(ChurnAlert.class, row);
				Instant dueAt = alert.openedAt().plus(this.properties.churnResponse());
				String signals = alert.signals().isEmpty() ? "no signal fires any more" : codes(alert.signals());
				return request.item(kind(), alert.id(), alert.clientId(), WorklistStore.joinedRm(row), dueAt,
						"流失预警 Churn alert (%s): %s".formatted(alert.status(), signals));
			})
			.toList();
	}

	@Override
	public Map<String, Counts> countByManager(WorklistRequest request) {
		return this.store.joinedCounts(ChurnAlert.class, COLLECTION, matching(request, null), overdue(request),
				request);
	}

	private Criteria matching(WorklistRequest request, @Nullable Criteria keyset) {
		Criteria criteria = Criteria.where("status").in(NOT_CLOSED);
		if (request.overdueOnly()) {
			criteria = new Criteria().andOperator(criteria, overdue(request));
		}
		return (keyset != null) ? new Criteria().andOperator(criteria, keyset) : criteria;
	}

	private Criteria overdue(WorklistRequest request) {
		return Criteria.where(OPENED_AT).lte(request.now().minus(this.properties.churnResponse()));
	}

	static String codes(List<FiredSignal> signals) {
		return signals.stream().map(signal -> signal.code().name()).collect(Collectors.joining(", "));
	}

}
