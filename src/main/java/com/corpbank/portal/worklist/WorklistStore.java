package com.corpbank.portal.worklist;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.corpbank.portal.worklist.WorklistSource.Counts;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.AggregationOperation;
import org.springframework.data.mongodb.core.convert.QueryMapper;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/**
 * The two reads every source makes, in one aggregation each: a page (match on the kind's conditions and the
 * keyset, sort on the urgency field, the row scope, limit) and the counts by RM ({@code $facet} of two
 * {@code $group}s: all items, overdue items). Sources keyed by client join the client as it is now
 * ({@link com.corpbank.portal.access.ClientScope#stagesJoiningClient}): the scope applies to it, and its primary RM
 * names the item's RM. Only stages the embedded store supports ($match, $sort, $lookup, $unwind, $limit, $facet,
 * $group).
 */
@Component
class WorklistStore {

	/** Where a joined source finds its client during the aggregation. */
	static final String JOINED = "worklistClient";

	/** The joined client's primary RM. */
	static final String JOINED_RM = JOINED + ".primaryManager";

	private final MongoTemplate mongoTemplate;

	private final QueryMapper queryMapper;

	WorklistStore(MongoTemplate mongoTemplate) {
		this.mongoTemplate = mongoTemplate;
		this.queryMapper = new QueryMapper(mongoTemplate.getConverter());
	}

	/**
	 * A page of a collection keyed by client: the first {@code limit} rows of {@code match} in {@code sort} whose
	 * client is in the request's scope (and is {@code request.rmUsername()}'s, when given), each with its client
	 * under {@link #JOINED}.
	 * @param type the collection's document class, so that dates in {@code match} are written as the documents
	 * store them; null for a collection read as plain documents
	 */
	List<Document> joinedPage(@Nullable Class<?> type, String collection, Criteria match, Sort sort,
			WorklistRequest request, int limit) {
		List<AggregationOperation> stages = new ArrayList<>();
		stages.add(Aggregation.match(match));
		// Sorted on the indexed field before the join: the join and the scope run row by row until the limit.
		stages.add(Aggregation.sort(sort));
		stages.addAll(joinedScope(request));
		stages.add(Aggregation.limit(limit));
		return aggregate(type, collection, stages);
	}

	/**
	 * A page of the client collection itself (the scope is then part of {@code match}), each row only {@code _id} and
	 * {@code fields}: a client document is large and a worklist row needs a field or two of it.
	 */
	List<Document> clientPage(Class<?> type, Criteria match, Sort sort, int limit, String... fields) {
		return aggregate(type, "clients", List.of(Aggregation.match(match), Aggregation.sort(sort),
				Aggregation.limit(limit), Aggregation.project(fields)));
	}

	/** The counts by the joined client's primary RM of the rows of {@code match} in the request's scope. */
	Map<String, Counts> joinedCounts(@Nullable Class<?> type, String collection, Criteria match, Criteria overdue,
			WorklistRequest request) {
		List<AggregationOperation> stages = new ArrayList<>();
		stages.add(Aggregation.match(match));
		stages.addAll(joinedScope(request));
		stages.add(facet(type, overdue, "$" + JOINED_RM));
		return counts(aggregate(type, collection, stages));
	}

	/** The counts by {@code rmField} of the clients of {@code match} (the scope is then part of it). */
	Map<String, Counts> clientCounts(Class<?> type, Criteria match, Criteria overdue, String rmField) {
		return counts(aggregate(type, "clients", List.of(Aggregation.match(match), facet(type, overdue, "$" + rmField))));
	}

	/** A stored document read as its document class (extra fields such as the joined client are ignored). */
	<T> T read(Class<T> type, Document document) {
		return this.mongoTemplate.getConverter().read(type, document);
	}

	/** The RM of a joined row: its client's primary RM. */
	static String joinedRm(Document row) {
		return row.get(JOINED, Document.class).getString("primaryManager");
	}

	private List<AggregationOperation> joinedScope(WorklistRequest request) {
		List<AggregationOperation> stages = new ArrayList<>(request.scope().stagesJoiningClient("clientId", JOINED));
		if (request.rmUsername() != null) {
			Document byRm = new Document("$match", new Document(JOINED_RM, request.rmUsername()));
			stages.add(context -> byRm);
		}
		return stages;
	}

	private AggregationOperation facet(@Nullable Class<?> type, Criteria overdue, String groupKey) {
		Document mappedOverdue = this.queryMapper.getMappedObject(overdue.getCriteriaObject(),
				(type != null) ? this.mongoTemplate.getConverter().getMappingContext().getPersistentEntity(type) : null);
		Document group = new Document("$group", new Document("_id", groupKey).append("n", new Document("$sum", 1)));
		Document facet = new Document("$facet", new Document("all", List.of(group)).append("overdue",
				List.of(new Document("$match", mappedOverdue), group)));
		return context -> facet;
	}

	private List<Document> aggregate(@Nullable Class<?> type, String collection, List<AggregationOperation> stages) {
		Aggregation aggregation = (type != null) ? Aggregation.newAggregation(type, stages)
				: Aggregation.newAggregation(stages);
		return this.mongoTemplate.aggregate(aggregation, collection, Document.class).getMappedResults();
	}

	private static Map<String, Counts> counts(List<Document> facetResult) {
		Map<String, Counts> byRm = new HashMap<>();
		if (facetResult.isEmpty()) {
			return byRm;
		}
		Document result = facetResult.get(0);
		for (Document row : result.getList("all", Document.class, List.of())) {
			byRm.merge(String.valueOf(row.get("_id")), new Counts(number(row), 0), Counts::plus);
		}
		for (Document row : result.getList("overdue", Document.class, List.of())) {
			byRm.merge(String.valueOf(row.get("_id")), new Counts(0, number(row)), Counts::plus);
		}
		return byRm;
	}

	private static long number(Document row) {
		return (row.get("n") instanceof Number n) ? n.longValue() : 0;
	}

}
