package com.corpbank.portal.feedback;

import java.time.Instant;
import java.time.format.DateTimeParseException;
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
import com.corpbank.portal.graphql.KeysetCursor;
import com.corpbank.portal.graphql.PageInfo;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.AggregationOperation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

/**
 * Reads of complaints, always inside a client scope that is part of the one aggregation reading them: each complaint
 * is joined to its client as it is NOW ({@link ClientScope#stagesOnJoinedClient}), so a handover ends the old RM's
 * view at once. Lists are most urgent first: by {@code slaDueAt}, then id.
 */
@Service
public class ComplaintQueries {

	/** The largest page of {@code complaints}. */
	public static final int MAX_PAGE_SIZE = 100;

	static final String CURSOR_ORDER = "complaintsMostUrgentFirst";

	static final String COLLECTION = "complaints";

	private static final Sort ORDER = Sort.by(Sort.Direction.ASC, "slaDueAt", "_id");

	private final MongoTemplate mongoTemplate;

	ComplaintQueries(MongoTemplate mongoTemplate) {
		this.mongoTemplate = mongoTemplate;
	}

	/** What a page was selected by, for counting it; opaque outside this class. */
	public record Selection(Criteria complaints, ClientScope scope) {
	}

	/** A page of complaints, most urgent first, and a handle to count the whole selection. */
	public record Page(List<ComplaintEdge> edges, PageInfo pageInfo, Selection selection) {
	}

	/**
	 * A page across the scope.
	 * @param now the time {@code overdue} is judged at
	 * @throws InvalidArgumentException for a page size out of range, a foreign cursor or a malformed filter
	 */
	public Page page(ClientScope scope, ComplaintFilter filter, int first, @Nullable String after, Instant now) {
		if (first < 0 || first > MAX_PAGE_SIZE) {
			throw new InvalidArgumentException("first", "first must be between 0 and " + MAX_PAGE_SIZE + ".");
		}
		Criteria complaints = filterCriteria(filter, now);
		Criteria keyset = (after != null) ? after(after) : null;
		List<AggregationOperation> stages = new ArrayList<>();
		stages.add(Aggregation.match((keyset != null) ? new Criteria().andOperator(complaints, keyset) : complaints));
		stages.add(Aggregation.sort(ORDER));
		stages.addAll(scope.stagesOnJoinedClient("clientId"));
		// One row more than asked tells whether another page follows.
		stages.add(Aggregation.limit(first + 1L));
		List<Complaint> rows = this.mongoTemplate
			.aggregate(Aggregation.newAggregation(Complaint.class, stages), COLLECTION, Complaint.class)
			.getMappedResults();
		List<ComplaintEdge> edges = new ArrayList<>();
		for (Complaint complaint : rows.subList(0, Math.min(first, rows.size()))) {
			edges.add(new ComplaintEdge(cursorOf(complaint), complaint));
		}
		String endCursor = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
		return new Page(edges, new PageInfo(rows.size() > first, endCursor), new Selection(complaints, scope));
	}

	/** Every complaint of the selection a page was cut from, in scope. */
	public long count(Selection selection) {
		return selection.scope().countRecords(this.mongoTemplate, Complaint.class, COLLECTION, selection.complaints());
	}

	/**
	 * The complaints of these clients in the scope, most urgent first, by client id, in one aggregation.
	 * @param statuses only these; empty for every status
	 */
	public Map<String, List<Complaint>> ofClients(ClientScope scope, Collection<String> clientIds,
			Set<ComplaintStatus> statuses) {
		Criteria complaints = Criteria.where("clientId").in(clientIds);
		if (!statuses.isEmpty()) {
			complaints = complaints.and("status").in(statuses);
		}
		List<AggregationOperation> stages = new ArrayList<>();
		stages.add(Aggregation.match(complaints));
		stages.add(Aggregation.sort(ORDER));
		stages.addAll(scope.stagesOnJoinedClient("clientId"));
		Map<String, List<Complaint>> byClient = new HashMap<>();
		for (Complaint complaint : this.mongoTemplate
			.aggregate(Aggregation.newAggregation(Complaint.class, stages), COLLECTION, Complaint.class)
			.getMappedResults()) {
			byClient.computeIfAbsent(complaint.clientId(), key -> new ArrayList<>()).add(complaint);
		}
		return byClient;
	}

	/** One complaint, or empty when it does not exist or its client is outside the scope (never told apart). */
	public Optional<Complaint> byId(ClientScope scope, String complaintId) {
		List<AggregationOperation> stages = new ArrayList<>();
		stages.add(Aggregation.match(Criteria.where("_id").is(complaintId)));
		stages.addAll(scope.stagesOnJoinedClient("clientId"));
		return Optional.ofNullable(this.mongoTemplate
			.aggregate(Aggregation.newAggregation(Complaint.class, stages), COLLECTION, Complaint.class)
			.getUniqueMappedResult());
	}

	static String cursorOf(Complaint complaint) {
		return new KeysetCursor(CURSOR_ORDER, complaint.slaDueAt().toString(), complaint.id()).encode();
	}

	/** The rows after the cursor, most urgent first. */
	private static Criteria after(String after) {
		KeysetCursor cursor = KeysetCursor.decode(after, CURSOR_ORDER);
		Instant at;
		try {
			at = Instant.parse(String.valueOf(cursor.value()));
		}
		catch (DateTimeParseException ex) {
			throw new InvalidArgumentException("after",
					"Not a valid cursor: pass the endCursor or an edge cursor of a previous page unchanged.");
		}
		return new Criteria().orOperator(Criteria.where("slaDueAt").gt(at), new Criteria()
			.andOperator(Criteria.where("slaDueAt").is(at), Criteria.where("_id").gt(cursor.id())));
	}

	private static Criteria filterCriteria(ComplaintFilter filter, Instant now) {
		List<Criteria> all = new ArrayList<>();
		if (filter.status() != null && !filter.status().isEmpty()) {
			all.add(Criteria.where("status").in(filter.status()));
		}
		if (filter.severity() != null) {
			all.add(Criteria.where("severity").is(filter.severity()));
		}
		if (filter.category() != null) {
			all.add(Criteria.where("category").is(filter.category()));
		}
		if (filter.clientId() != null) {
			all.add(Criteria.where("clientId").is(InputText.requireId("filter.clientId", filter.clientId())));
		}
		if (filter.assignee() != null) {
			all.add(Criteria.where("assignee").is(InputText.requireId("filter.assignee", filter.assignee())));
		}
		if (filter.overdue() != null) {
			Criteria overdue = new Criteria().andOperator(Criteria.where("status").in(ComplaintStatus.OPEN_STATUSES),
					Criteria.where("slaDueAt").lt(now));
			all.add(filter.overdue() ? overdue
					: new Criteria().orOperator(Criteria.where("status").nin(ComplaintStatus.OPEN_STATUSES),
							Criteria.where("slaDueAt").gte(now)));
		}
		if (all.isEmpty()) {
			return new Criteria();
		}
		return all.size() == 1 ? all.get(0) : new Criteria().andOperator(all);
	}

}
