package com.corpbank.portal.churn;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.corpbank.portal.access.ClientScope;
import com.corpbank.portal.graphql.InputText;
import com.corpbank.portal.graphql.InvalidArgumentException;
import com.corpbank.portal.graphql.NewestFirst;
import com.corpbank.portal.graphql.PageInfo;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.AggregationOperation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

/**
 * Reads of churn alerts, always inside a client scope, and the scope is part of the one MongoDB aggregation that
 * reads them: each alert is joined ({@code $lookup}) to its client as it is NOW, and the caller's
 * {@link ClientScope} criteria are applied to that joined client. Chosen over copying scope fields (RMs, org units)
 * onto each alert because it is correct by construction: a handover changes the client, and the old RM stops
 * seeing its alerts at once, with nothing to keep in sync. A scope that sees every client (risk officers) skips the
 * join.
 */
@Service
public class ChurnAlertQueries {

	/** The largest page of {@code churnAlerts}. */
	public static final int MAX_PAGE_SIZE = 100;

	static final String CURSOR_ORDER = "churnAlertsNewestFirst";

	private static final NewestFirst ORDER = new NewestFirst(CURSOR_ORDER, "openedAt");

	private static final String COLLECTION = "churn_alerts";

	private final MongoTemplate mongoTemplate;

	ChurnAlertQueries(MongoTemplate mongoTemplate) {
		this.mongoTemplate = mongoTemplate;
	}

	/** What a page was selected by, for counting it; opaque outside this class. */
	public record Selection(Criteria alerts, ClientScope scope) {
	}

	/** A page of alerts, newest first, and a handle to count every alert of the selection. */
	public record Page(List<ChurnAlertEdge> edges, PageInfo pageInfo, Selection selection) {
	}

	/**
	 * @throws InvalidArgumentException for a page size out of range, a foreign cursor or a malformed filter
	 */
	public Page page(ClientScope scope, ChurnAlertFilter filter, int first, @Nullable String after) {
		if (first < 0 || first > MAX_PAGE_SIZE) {
			throw new InvalidArgumentException("first", "first must be between 0 and " + MAX_PAGE_SIZE + ".");
		}
		Criteria alerts = filterCriteria(filter);
		Criteria keyset = (after != null) ? ORDER.after(after) : null;
		List<AggregationOperation> stages = new ArrayList<>();
		stages.add(Aggregation.match((keyset != null) ? new Criteria().andOperator(alerts, keyset) : alerts));
		stages.add(Aggregation.sort(ORDER.sort()));
		stages.addAll(scope.stagesOnJoinedClient("clientId"));
		// One row more than asked tells whether another page follows.
		stages.add(Aggregation.limit(first + 1L));
		List<ChurnAlert> rows = this.mongoTemplate
			.aggregate(Aggregation.newAggregation(ChurnAlert.class, stages), COLLECTION, ChurnAlert.class)
			.getMappedResults();
		List<ChurnAlertEdge> edges = new ArrayList<>();
		for (ChurnAlert alert : rows.subList(0, Math.min(first, rows.size()))) {
			edges.add(new ChurnAlertEdge(
					ORDER.cursorOf(alert.openedAt(), alert.id()), alert));
		}
		String endCursor = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
		return new Page(edges, new PageInfo(rows.size() > first, endCursor), new Selection(alerts, scope));
	}

	/** Every alert of the selection a page was cut from, in scope. */
	public long count(Selection selection) {
		return selection.scope().countRecords(this.mongoTemplate, ChurnAlert.class, COLLECTION, selection.alerts());
	}

	/**
	 * The alerts of these clients in the scope, newest first, by client id, in one aggregation.
	 * @param statuses only these; empty for every status
	 */
	public Map<String, List<ChurnAlert>> ofClients(ClientScope scope, Collection<String> clientIds,
			Set<ChurnAlertStatus> statuses) {
		Criteria alerts = Criteria.where("clientId").in(clientIds);
		if (!statuses.isEmpty()) {
			alerts = alerts.and("status").in(statuses);
		}
		List<AggregationOperation> stages = new ArrayList<>();
		stages.add(Aggregation.match(alerts));
		stages.add(Aggregation.sort(ORDER.sort()));
		stages.addAll(scope.stagesOnJoinedClient("clientId"));
		Map<String, List<ChurnAlert>> byClient = new HashMap<>();
		for (ChurnAlert alert : this.mongoTemplate
			.aggregate(Aggregation.newAggregation(ChurnAlert.class, stages), COLLECTION, ChurnAlert.class)
			.getMappedResults()) {
			byClient.computeIfAbsent(alert.clientId(), key -> new ArrayList<>()).add(alert);
		}
		return byClient;
	}

	/** One alert, or empty when it does not exist or its client is outside the scope (never told apart). */
	public Optional<ChurnAlert> byId(ClientScope scope, String alertId) {
		List<AggregationOperation> stages = new ArrayList<>();
		stages.add(Aggregation.match(Criteria.where("_id").is(alertId)));
		stages.addAll(scope.stagesOnJoinedClient("clientId"));
		return Optional.ofNullable(this.mongoTemplate
			.aggregate(Aggregation.newAggregation(ChurnAlert.class, stages), COLLECTION, ChurnAlert.class)
			.getUniqueMappedResult());
	}

	/**
	 * The join to the alert's client and the scope applied to it; nothing for a scope that sees every client. The
	 * joined client is dropped again, so only the alert leaves the store.
	 */
	private static Criteria filterCriteria(ChurnAlertFilter filter) {
		List<Criteria> all = new ArrayList<>();
		if (filter.status() != null && !filter.status().isEmpty()) {
			all.add(Criteria.where("status").in(filter.status()));
		}
		if (filter.signal() != null) {
			all.add(Criteria.where("signals.code").is(filter.signal()));
		}
		if (filter.clientId() != null) {
			all.add(Criteria.where("clientId").is(InputText.requireId("filter.clientId", filter.clientId())));
		}
		all.addAll(ORDER.onDates(filter.openedFrom(), filter.openedTo(), "filter", "openedFrom", "openedTo"));
		if (all.isEmpty()) {
			return new Criteria();
		}
		return all.size() == 1 ? all.get(0) : new Criteria().andOperator(all);
	}

}
