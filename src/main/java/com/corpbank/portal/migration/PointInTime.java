package com.corpbank.portal.migration;

import java.time.Clock;
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

import com.corpbank.portal.BankTime;
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

	private final Clock clock;

	PointInTime(MongoTemplate mongoTemplate, Clock clock) {
		this.mongoTemplate = mongoTemplate;
		this.clock = clock;
	}

	/**
	 * The one check of a point-in-time argument, as {@code Client.asOf} makes it.
	 * @throws com.corpbank.portal.graphql.InvalidArgumentException naming {@code argument}, for a date before
	 * {@link MigrationPeriod#EARLIEST} or after today (Beijing)
	 */
	public LocalDate check(String argument, LocalDate date) {
		return AsOfDate.check(argument, date, LocalDate.now(this.clock.withZone(BankTime.ZONE)));
	}

	/**
	 * The same answers as {@link #load}, computed inside an aggregation over {@code clients}: stages that set
	 * {@code field} of every client document to {@code {tier, rating, fiveCategory, primaryManager}} as they were at
	 * the end of the Beijing day {@code date}, by the rules of the class comment. The documents must still carry
	 * {@code _id}, {@code valueTier}, {@code risk}, {@code primaryManager} and {@code onboardedOn} as stored.
	 *
	 * <p>Per history collection one {@code $lookup} on {@code clientId} (the leading key of each history's index on
	 * real MongoDB), then {@code $filter} and {@code $reduce} pick the last entry before the end of the day and the
	 * first after it (by time, then id). A {@code $lookup} with {@code let}/{@code pipeline} would fetch less, but
	 * the embedded store runs such a sub-pipeline as a whole aggregation over the foreign collection per client,
	 * about 15 times slower than its plain {@code $lookup}. Only stages and expressions the embedded store runs too.
	 */
	public List<Document> stagesFor(LocalDate date, String field) {
		Date end = MigrationPeriod.endOf(date);
		Object day = this.mongoTemplate.getConverter().convertToMongoType(date);
		List<Document> stages = new ArrayList<>();
		stages.add(lookup("tier_history", "_th"));
		stages.add(lookup("risk_history", "_rh"));
		stages.add(lookup("assignment_history", "_ah"));
		Document around = new Document();
		for (String[] history : new String[][] { { "_th", "evaluatedAt" }, { "_rh", "changedAt" },
				{ "_ah", "from" } }) {
			around.append(history[0] + "B", newest(history[0], history[1], lt("$$e." + history[1], end)))
				.append(history[0] + "A", oldest(history[0], history[1],
						new Document("$gte", List.of("$$e." + history[1], end))));
		}
		stages.add(new Document("$addFields", around));
		// Risk: the last grades on or before the date, else a candidate that counts from its own ratedOn: the grades
		// the first later change replaced, or (no history at all) the grades on the client now.
		stages.add(new Document("$addFields", new Document("_rc",
				cond(set("$_rhB"), null, cond(set("$_rhA"), "$_rhA.previous", "$risk")))));
		Document seededTier = cond(dated("$valueTier.evaluatedOn", day), "$valueTier.tier", null);
		Document grade = cond(set("$_rhB"), "$_rhB.grade", cond(dated("$_rc.ratedOn", day), "$_rc", null));
		Document manager = cond(set("$_ahB"), "$_ahB.primaryManager", cond(dated("$onboardedOn", day),
				cond(set("$_ahA"), ifNull("$_ahA.previous.primaryManager"), "$primaryManager"), null));
		stages.add(new Document("$addFields", new Document("_tier",
				cond(set("$_thB"), "$_thB.tier", cond(set("$_thA"), null, seededTier)))
			.append("_grade", grade)
			.append("_manager", manager)));
		// A new field, not an embedded one set by path: the two stores treat dotted $addFields differently.
		stages.add(new Document("$addFields", new Document(field, new Document("tier", ifNull("$_tier"))
			.append("rating", ifNull("$_grade.rating"))
			.append("fiveCategory", ifNull("$_grade.fiveCategory"))
			.append("primaryManager", ifNull("$_manager")))));
		Document drop = new Document();
		for (String temporary : List.of("_th", "_rh", "_ah", "_thB", "_thA", "_rhB", "_rhA", "_ahB", "_ahA", "_rc",
				"_tier", "_grade", "_manager")) {
			drop.append(temporary, 0);
		}
		stages.add(new Document("$project", drop));
		return stages;
	}

	private static Document lookup(String collection, String as) {
		return new Document("$lookup", new Document("from", collection).append("localField", "_id")
			.append("foreignField", "clientId")
			.append("as", as));
	}

	/** The entry of the array that matches {@code test} (on {@code $$e}) with the greatest (at, id); null if none. */
	private static Document newest(String array, String at, Document test) {
		return pick(array, test, new Document("$or", List.of(new Document("$eq", Arrays.asList("$$value", null)),
				new Document("$gt", List.of("$$this." + at, "$$value." + at)),
				new Document("$and", List.of(new Document("$eq", List.of("$$this." + at, "$$value." + at)),
						new Document("$gt", List.of("$$this._id", "$$value._id")))))));
	}

	/** The entry of the array that matches {@code test} (on {@code $$e}) with the least (at, id); null if none. */
	private static Document oldest(String array, String at, Document test) {
		return pick(array, test, new Document("$or", List.of(new Document("$eq", Arrays.asList("$$value", null)),
				new Document("$lt", List.of("$$this." + at, "$$value." + at)),
				new Document("$and", List.of(new Document("$eq", List.of("$$this." + at, "$$value." + at)),
						new Document("$lt", List.of("$$this._id", "$$value._id")))))));
	}

	/** {@code $reduce} over the matching entries keeping the one {@code better} prefers over the one kept so far. */
	private static Document pick(String array, Document test, Document better) {
		Document matching = new Document("$filter", new Document("input", "$" + array).append("as", "e")
			.append("cond", test));
		return new Document("$reduce", new Document("input", matching).append("initialValue", null)
			.append("in", cond(better, "$$this", "$$value")));
	}

	private static Document lt(Object left, Object right) {
		return new Document("$lt", List.of(left, right));
	}

	/** The document at {@code path} is there (a picked entry, not null). */
	private static Document set(String path) {
		return new Document("$gt", Arrays.asList(path, null));
	}

	private static Document ifNull(String path) {
		return new Document("$ifNull", Arrays.asList(path, null));
	}

	/** The date at {@code path} is set and on or before {@code day}. */
	private static Document dated(String path, Object day) {
		return new Document("$and", List.of(new Document("$gt", Arrays.asList(path, null)),
				new Document("$lte", List.of(path, day))));
	}

	private static Document cond(Object test, @Nullable Object then, @Nullable Object otherwise) {
		return new Document("$cond", Arrays.asList(test, then, otherwise));
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
