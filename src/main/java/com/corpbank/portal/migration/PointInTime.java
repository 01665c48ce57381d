package com.corpbank.portal.migration;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.corpbank.portal.client.Client;
import com.corpbank.portal.risk.RiskGrade;
import com.corpbank.portal.tier.ValueTier;
import com.corpbank.portal.tier.ValueTierCode;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Clients as they were on a date, for a whole page at once: per distinct date asked, one aggregation on each history
 * collection ({@code tier_history}, {@code risk_history}, {@code assignment_history}) over the page's client ids,
 * giving per client the last entry on or before the end of the Beijing day and the first entry after it. Then, per
 * value:
 * <ul>
 * <li>an entry on or before the date: the value it set (several on one day: the last by time, then id);</li>
 * <li>only entries after the date: the value the first of them replaced, when the history dates it: the risk grades
 * it replaced when their {@code ratedOn} is on or before the date; the assignment it replaced when the client was
 * onboarded by then (an assignment changes only by a handover, which writes history). A tier the first evaluation
 * replaced carries no date: null;</li>
 * <li>no entry at all: the value on the client document now, when it carries a date on or before the date
 * ({@code valueTier.evaluatedOn}, {@code risk.ratedOn}, {@code onboardedOn}): nothing has changed it since, since
 * every change writes history;</li>
 * <li>otherwise null: unknown, because the client did not exist or was not yet evaluated or rated, or its value then
 * predates the history and carries no date.</li>
 * </ul>
 * The caller's scope is the parent client's: only a client the caller sees now reaches this class.
 */
@Service
public class PointInTime {

	private final MongoTemplate mongoTemplate;

	PointInTime(MongoTemplate mongoTemplate) {
		this.mongoTemplate = mongoTemplate;
	}

	/** A client and the date it is asked about. */
	public record Request(String clientId, LocalDate date) {
	}

	/** The answers for every request; {@code clients} holds each requested client as read now. */
	public Map<Request, ClientAsOf> load(Set<Request> requests, Map<String, Client> clients) {
		Map<LocalDate, List<String>> idsByDate = new LinkedHashMap<>();
		requests.forEach(request -> idsByDate.computeIfAbsent(request.date(), date -> new ArrayList<>())
			.add(request.clientId()));
		Map<Request, ClientAsOf> answers = new HashMap<>();
		idsByDate.forEach((date, ids) -> {
			Date end = MigrationPeriod.endOf(date);
			Map<String, Around> tiers = around("tier_history", "evaluatedAt", ids, end, "tier", "tier");
			Map<String, Around> risks = around("risk_history", "changedAt", ids, end, "grade", "previous");
			Map<String, Around> assignments = around("assignment_history", "from", ids, end, "primaryManager",
					"previous");
			for (String id : ids) {
				Client client = clients.get(id);
				if (client == null) {
					continue;
				}
				RiskGrade grade = risk(risks.get(id), client, date);
				answers.put(new Request(id, date),
						new ClientAsOf(date, tier(tiers.get(id), client, date),
								(grade != null) ? grade.rating() : null,
								(grade != null) ? grade.fiveCategory() : null,
								primaryManager(assignments.get(id), client, date)));
			}
		});
		return answers;
	}

	/**
	 * Per client, the value of {@code lastField} of its last entry before {@code end} and of {@code firstField} of its
	 * first entry from {@code end} on.
	 */
	private record Around(@Nullable Object last, boolean hasLast, @Nullable Object firstAfter, boolean hasAfter) {
	}

	private Map<String, Around> around(String collection, String at, Collection<String> ids, Date end,
			String lastField, String firstField) {
		List<Document> pipeline = List.of(new Document("$match", new Document("clientId", new Document("$in", ids))),
				new Document("$project", new Document("clientId", 1).append(at, 1)
					.append("last", "$" + lastField)
					.append("first", "$" + firstField)
					.append("b", new Document("$cond",
							Arrays.asList(new Document("$lt", List.of("$" + at, end)), 1, 0)))),
				new Document("$sort", new Document("clientId", 1).append("b", 1).append(at, 1).append("_id", 1)),
				new Document("$group", new Document("_id", new Document("c", "$clientId").append("b", "$b"))
					.append("last", new Document("$last", "$last"))
					.append("first", new Document("$first", "$first"))));
		Map<String, Around> byClient = new HashMap<>();
		List<Document> rows = this.mongoTemplate.execute(collection,
				c -> c.aggregate(pipeline).into(new ArrayList<>()));
		for (Document row : rows) {
			Document key = row.get("_id", Document.class);
			String clientId = key.getString("c");
			Around known = byClient.getOrDefault(clientId, new Around(null, false, null, false));
			boolean before = ((Number) key.get("b")).intValue() == 1;
			byClient.put(clientId, before ? new Around(row.get("last"), true, known.firstAfter(), known.hasAfter())
					: new Around(known.last(), known.hasLast(), row.get("first"), true));
		}
		return byClient;
	}

	private static @Nullable ValueTierCode tier(@Nullable Around history, Client client, LocalDate date) {
		if (history != null && history.hasLast()) {
			return ValueTierCode.valueOf(String.valueOf(history.last()));
		}
		if (history != null) {
			// The tier the first evaluation replaced carries no date.
			return null;
		}
		ValueTier current = client.valueTier();
		return (current != null && current.evaluatedOn() != null && !current.evaluatedOn().isAfter(date))
				? current.tier() : null;
	}

	private @Nullable RiskGrade risk(@Nullable Around history, Client client, LocalDate date) {
		if (history != null && history.hasLast()) {
			return grade(history.last());
		}
		RiskGrade candidate = (history != null) ? grade(history.firstAfter()) : client.risk();
		return (candidate != null && !candidate.ratedOn().isAfter(date)) ? candidate : null;
	}

	private static @Nullable String primaryManager(@Nullable Around history, Client client, LocalDate date) {
		if (history != null && history.hasLast()) {
			return String.valueOf(history.last());
		}
		if (client.onboardedOn() == null || client.onboardedOn().isAfter(date)) {
			return null;
		}
		if (history != null) {
			return (history.firstAfter() instanceof Document previous) ? previous.getString("primaryManager") : null;
		}
		return client.primaryManager();
	}

	private @Nullable RiskGrade grade(@Nullable Object stored) {
		return (stored instanceof Document document)
				? this.mongoTemplate.getConverter().read(RiskGrade.class, document) : null;
	}

}
