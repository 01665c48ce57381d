package com.corpbank.portal.interaction;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 * Reads of interactions, always inside a client scope that is part of the one MongoDB aggregation reading them: each
 * interaction is joined ({@code $lookup}) to its client as it is NOW and the caller's {@link ClientScope} criteria
 * are matched on that client, as for churn alerts. A handover therefore ends the old RM's view of the client's
 * interactions at once, with no scope fields copied onto interactions to keep in sync. A scope that sees every
 * client skips the join.
 */
@Service
public class InteractionQueries {

	/** The largest page of {@code interactions} and {@code Client.interactions}. */
	public static final int MAX_PAGE_SIZE = 100;

	static final String CURSOR_ORDER = "interactionsNewestFirst";

	private static final NewestFirst ORDER = new NewestFirst(CURSOR_ORDER, "occurredAt");

	private static final String COLLECTION = "interactions";

	private final MongoTemplate mongoTemplate;

	InteractionQueries(MongoTemplate mongoTemplate) {
		this.mongoTemplate = mongoTemplate;
	}

	/** What a page was selected by, for counting it; opaque outside this class. */
	public record Selection(Criteria interactions, ClientScope scope) {
	}

	/**
	 * A page of interactions, newest first.
	 * @param knownTotal the count when the page was cut from rows already read (a client's interactions); null when
	 * it is counted on demand from {@code selection}
	 */
	public record Page(List<InteractionEdge> edges, PageInfo pageInfo, @Nullable Selection selection,
			@Nullable Long knownTotal) {
	}

	/**
	 * A page across the scope.
	 * @throws InvalidArgumentException for a page size out of range, a foreign cursor or a malformed filter
	 */
	public Page page(ClientScope scope, InteractionFilter filter, int first, @Nullable String after) {
		requirePageSize(first);
		Criteria interactions = filterCriteria(filter, "filter");
		Criteria keyset = (after != null) ? ORDER.after(after) : null;
		List<AggregationOperation> stages = new ArrayList<>();
		stages.add(Aggregation.match((keyset != null) ? new Criteria().andOperator(interactions, keyset) : interactions));
		stages.add(Aggregation.sort(ORDER.sort()));
		stages.addAll(scope.stagesOnJoinedClient("clientId"));
		// One row more than asked tells whether another page follows.
		stages.add(Aggregation.limit(first + 1L));
		List<Interaction> rows = this.mongoTemplate
			.aggregate(Aggregation.newAggregation(Interaction.class, stages), COLLECTION, Interaction.class)
			.getMappedResults();
		return cut(rows, first, new Selection(interactions, scope), null);
	}

	/** Every interaction of the selection a page was cut from, in scope. */
	public long count(Page page) {
		if (page.knownTotal() != null) {
			return page.knownTotal();
		}
		Selection selection = page.selection();
		if (selection == null) {
			return page.edges().size();
		}
		return selection.scope().countRecords(this.mongoTemplate, Interaction.class, COLLECTION, selection.interactions());
	}

	/**
	 * A page of each of these clients' interactions, in one aggregation whatever the number of clients: every
	 * matching interaction of the clients is read (newest first) and each client's page is cut from its rows, so
	 * each page's {@code totalCount} is known without another query.
	 * @throws InvalidArgumentException for a page size out of range, a foreign cursor or a malformed filter
	 */
	public Map<String, Page> pagesOf(ClientScope scope, Collection<String> clientIds, InteractionFilter filter,
			int first, @Nullable String after) {
		requirePageSize(first);
		NewestFirst.Position cursor = (after != null) ? ORDER.decode(after) : null;
		Criteria interactions = new Criteria().andOperator(Criteria.where("clientId").in(clientIds),
				filterCriteria(filter, "filter"));
		List<AggregationOperation> stages = new ArrayList<>();
		stages.add(Aggregation.match(interactions));
		stages.add(Aggregation.sort(ORDER.sort()));
		stages.addAll(scope.stagesOnJoinedClient("clientId"));
		Map<String, List<Interaction>> byClient = new HashMap<>();
		for (Interaction interaction : this.mongoTemplate
			.aggregate(Aggregation.newAggregation(Interaction.class, stages), COLLECTION, Interaction.class)
			.getMappedResults()) {
			byClient.computeIfAbsent(interaction.clientId(), key -> new ArrayList<>()).add(interaction);
		}
		Map<String, Page> pages = new HashMap<>();
		for (String clientId : clientIds) {
			List<Interaction> all = byClient.getOrDefault(clientId, List.of());
			List<Interaction> rows = (cursor == null) ? all : all.stream().filter(row -> cursor.precedes(row.occurredAt(), row.id())).toList();
			pages.put(clientId, cut(rows, first, null, (long) all.size()));
		}
		return pages;
	}

	private static Page cut(List<Interaction> rows, int first, @Nullable Selection selection, @Nullable Long total) {
		List<InteractionEdge> edges = new ArrayList<>();
		for (Interaction interaction : rows.subList(0, Math.min(first, rows.size()))) {
			edges.add(new InteractionEdge(
					ORDER.cursorOf(interaction.occurredAt(), interaction.id()),
					interaction));
		}
		String endCursor = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
		return new Page(edges, new PageInfo(rows.size() > first, endCursor), selection, total);
	}

	private static void requirePageSize(int first) {
		if (first < 0 || first > MAX_PAGE_SIZE) {
			throw new InvalidArgumentException("first", "first must be between 0 and " + MAX_PAGE_SIZE + ".");
		}
	}

	private static Criteria filterCriteria(InteractionFilter filter, String argument) {
		List<Criteria> all = new ArrayList<>();
		if (filter.channel() != null) {
			all.add(Criteria.where("channel").is(filter.channel()));
		}
		if (filter.managerUsername() != null) {
			all.add(Criteria.where("managers")
				.is(InputText.requireId(argument + ".managerUsername", filter.managerUsername())));
		}
		if (filter.clientId() != null) {
			all.add(Criteria.where("clientId").is(InputText.requireId(argument + ".clientId", filter.clientId())));
		}
		all.addAll(ORDER.onDates(filter.occurredFrom(), filter.occurredTo(), argument, "occurredFrom", "occurredTo"));
		if (all.isEmpty()) {
			return new Criteria();
		}
		return all.size() == 1 ? all.get(0) : new Criteria().andOperator(all);
	}

}
