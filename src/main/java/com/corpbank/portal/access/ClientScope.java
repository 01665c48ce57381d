package com.corpbank.portal.access;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import java.util.Map;

import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.AggregationOperation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The rows of the client book a caller may see, as MongoDB criteria that go into every client query (lists,
 * single lookups, counts), so that a client out of scope is never loaded at all. {@link CallerScopes} decides
 * which; this record only carries and combines the criteria.
 *
 * @param restriction null when the caller sees every client
 */
public record ClientScope(@Nullable Criteria restriction) {

	static final ClientScope EVERYTHING = new ClientScope(null);

	static final ClientScope NOTHING = new ClientScope(Criteria.where("_id").in(List.of()));

	/** Clients whose assignment names this RM record, as primary or co-RM. */
	static Criteria servedBy(String managerId) {
		return Criteria.where("managerUsernames").is(managerId);
	}

	/** Clients served by any RM in this org unit or below it. */
	static Criteria servedWithin(String orgUnitCode) {
		return Criteria.where("orgUnits").is(orgUnitCode);
	}

	/** The union of the grants; none gives nothing. */
	static ClientScope anyOf(List<Criteria> grants) {
		if (grants.isEmpty()) {
			return NOTHING;
		}
		return new ClientScope(grants.size() == 1 ? grants.get(0) : new Criteria().orOperator(grants));
	}

	/** The scope and every given condition together; null conditions are skipped. */
	public Criteria and(@Nullable Criteria... conditions) {
		List<Criteria> all = new ArrayList<>();
		if (this.restriction != null) {
			all.add(this.restriction);
		}
		Arrays.stream(conditions).filter(Objects::nonNull).forEach(all::add);
		if (all.isEmpty()) {
			return new Criteria();
		}
		return all.size() == 1 ? all.get(0) : new Criteria().andOperator(all);
	}

	/**
	 * How many of a collection's records matching {@code records} belong to a client in this scope (by the records'
	 * {@code clientId}), as the client is now. Without a condition on the records it does not join every record of the
	 * bank to its client: the head office's whole collection is its size from the metadata (no index makes an
	 * unconditional count cheaper), and a restricted scope counts {@code clientId $in} the scope's client ids, read
	 * through the scope's indexes, so the records' clientId index serves it.
	 */
	public long countRecords(MongoTemplate mongoTemplate, Class<?> type, String collection, Criteria records) {
		if (records.getCriteriaObject().isEmpty()) {
			if (this.restriction == null) {
				return mongoTemplate.estimatedCount(collection);
			}
			return mongoTemplate.count(new Query(Criteria.where("clientId").in(clientIds(mongoTemplate))), collection);
		}
		List<AggregationOperation> stages = new ArrayList<>();
		stages.add(Aggregation.match(records));
		stages.addAll(stagesOnJoinedClient("clientId"));
		stages.add(Aggregation.count().as("total"));
		Document result = mongoTemplate.aggregate(Aggregation.newAggregation(type, stages), collection, Document.class)
			.getUniqueMappedResult();
		return (result != null && result.get("total") instanceof Number total) ? total.longValue() : 0;
	}

	/** The ids of the clients in this scope (only {@code _id} comes back). */
	private List<String> clientIds(MongoTemplate mongoTemplate) {
		Query inScope = new Query(and());
		inScope.fields().include("_id");
		return mongoTemplate.find(inScope, Document.class, "clients")
			.stream()
			.map(client -> client.getString("_id"))
			.toList();
	}

	/**
	 * The aggregation stages that keep only documents whose client (named by {@code clientIdField}) is in this scope
	 * as the client is NOW: a {@code $lookup} to the client, the restriction on it, and the joined client dropped
	 * again. A handover thus ends the old RM's view of the client's alerts and interactions at once, with no scope
	 * fields copied onto them. No stages when the scope sees every client.
	 */
	public List<AggregationOperation> stagesOnJoinedClient(String clientIdField) {
		Document onClient = restrictionOnJoined(JOINED_CLIENT);
		if (onClient == null) {
			return List.of();
		}
		return List.of(Aggregation.lookup("clients", clientIdField, "_id", JOINED_CLIENT),
				context -> new Document("$match", onClient),
				context -> new Document("$project", new Document(JOINED_CLIENT, 0)));
	}

	/**
	 * As {@link #stagesOnJoinedClient}, but the joined client stays on each document, as one embedded document under
	 * {@code as}, for the stages after it to read (e.g. the client's primary RM). Always joins, also for a scope that
	 * sees every client; documents whose client does not exist are dropped.
	 */
	public List<AggregationOperation> stagesJoiningClient(String clientIdField, String as) {
		List<AggregationOperation> stages = new ArrayList<>(List.of(
				Aggregation.lookup("clients", clientIdField, "_id", as), Aggregation.unwind(as)));
		Document onClient = restrictionOnJoined(as);
		if (onClient != null) {
			stages.add(context -> new Document("$match", onClient));
		}
		return stages;
	}

	/**
	 * The restriction applied to a client joined into another collection's documents (an aggregation's
	 * {@code $lookup} into {@code prefix} without the dot): field paths gain the prefix, logical operators are
	 * rewritten inside. Null when the scope sees every client (no join needed).
	 */
	@Nullable Document restrictionOnJoined(String prefix) {
		return (this.restriction != null) ? prefixed(this.restriction.getCriteriaObject(), prefix + ".") : null;
	}

	/** Where {@link #stagesOnJoinedClient} puts the joined client for the time of the match. */
	private static final String JOINED_CLIENT = "scopeClient";

	private static Document prefixed(Document criteria, String prefix) {
		Document result = new Document();
		for (Map.Entry<String, Object> entry : criteria.entrySet()) {
			String key = entry.getKey();
			if (key.startsWith("$")) {
				if (!(entry.getValue() instanceof List<?> clauses)) {
					throw new IllegalArgumentException("scope operator not supported in a join: " + key);
				}
				List<Document> rewritten = new ArrayList<>();
				for (Object clause : clauses) {
					rewritten.add(prefixed((Document) clause, prefix));
				}
				result.put(key, rewritten);
			}
			else {
				result.put(prefix + key, entry.getValue());
			}
		}
		return result;
	}

}
