package com.corpbank.portal.worklist;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.corpbank.portal.client.Client;
import com.corpbank.portal.client.FollowUp;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/**
 * Follow-ups 定期回访 overdue or due within {@code portal.worklist.due-soon}, read from the client documents (the
 * follow-up is a field of the client, so the row scope is a plain match on the same documents). Due at the start of
 * the day after {@code followUp.dueOn} (Beijing): due today is not overdue yet, as on {@code Client.nextFollowUp}.
 */
@Component
class FollowUpItems implements WorklistSource {

	static final String FOLLOW_UP = "followUp";

	static final String DUE_ON = "followUp.dueOn";

	static final String RM = "followUp.rmUsername";

	private static final Sort ORDER = Sort.by(Sort.Direction.ASC, DUE_ON, "_id");

	private final WorklistStore store;

	private final WorklistProperties properties;

	FollowUpItems(WorklistStore store, WorklistProperties properties) {
		this.store = store;
		this.properties = properties;
	}

	@Override
	public WorklistKind kind() {
		return WorklistKind.FOLLOW_UP;
	}

	@Override
	public List<WorklistItem> page(WorklistRequest request, @Nullable UrgencyPosition after, int limit) {
		Criteria keyset = (after != null) ? after.afterOnDate(kind(), DUE_ON, 1) : null;
		return this.store.clientPage(Client.class, matching(request, keyset), ORDER, limit, FOLLOW_UP)
			.stream()
			.map(row -> item(request, row.getString("_id"),
					this.store.read(FollowUp.class, row.get(FOLLOW_UP, Document.class))))
			.toList();
	}

	@Override
	public Map<String, Counts> countByManager(WorklistRequest request) {
		return this.store.clientCounts(Client.class, matching(request, null),
				Criteria.where(DUE_ON).lt(request.today()), RM);
	}

	private Criteria matching(WorklistRequest request, @Nullable Criteria keyset) {
		LocalDate today = request.today();
		return request.scope()
			.and(Criteria.where(DUE_ON).lte(today.plus(this.properties.dueSoon())),
					(request.followUpsDueFrom() != null) ? Criteria.where(RM).is(request.followUpsDueFrom()) : null,
					(request.rmUsername() != null) ? Criteria.where(RM).is(request.rmUsername()) : null,
					// Overdue: due before today.
					request.overdueOnly() ? Criteria.where(DUE_ON).lt(today) : null, keyset);
	}

	private WorklistItem item(WorklistRequest request, String clientId, FollowUp followUp) {
		return request.item(kind(), clientId, clientId, followUp.rmUsername(),
				WorklistRequest.startOf(followUp.dueOn().plusDays(1)),
				"定期回访 Follow-up due on %s (tier %s cadence)".formatted(followUp.dueOn(), followUp.tier()));
	}

}
