package com.corpbank.portal.migration;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.corpbank.portal.BankTime;
import com.corpbank.portal.access.CallerScopes;
import com.corpbank.portal.client.Client;
import com.corpbank.portal.client.ClientEdge;
import com.corpbank.portal.client.ClientFilter;
import com.corpbank.portal.graphql.InvalidArgumentException;
import com.corpbank.portal.graphql.KeysetCursor;
import com.corpbank.portal.graphql.PageInfo;
import com.corpbank.portal.security.Caller;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.QueryMapper;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

/**
 * The tier migration matrix and its drill-down, each one aggregation on {@code clients}:
 * <ol>
 * <li>the clients the caller may list with the filter, by exactly the criteria {@code Query.clients} uses (the
 * caller's {@link com.corpbank.portal.access.ClientScope} and {@link ClientFilter#toCriteria()}), so the matrix
 * never counts a client its caller could not list; scope is the client's as it is NOW (an RM who took a client over
 * last week sees its whole migration, the RM who handed it over no longer does);</li>
 * <li>each client's tier history joined ({@code $lookup} on {@code tier_history.clientId}) and unwound, each entry
 * placed in a bucket: made on or before {@code from}, after {@code from} and on or before {@code to}, after
 * {@code to}; the last entry of each bucket in {@code evaluatedAt} then id order (several in a day: the last
 * wins);</li>
 * <li>per client the tier on {@code from} (the last entry on or before it) and on {@code to} (the last on or before
 * it); a client without any history has the tier seeded on its document from the day of {@code valueTier.evaluatedOn}
 * on (a tier changes only by an evaluation, which writes history, so it has not changed since); otherwise no entry
 * on or before the date means NONE;</li>
 * <li>the matrix: a {@code $group} by the two tiers; the drill-down: a {@code $match} on one cell, a keyset on
 * (name, id), the page's clients joined back.</li>
 * </ol>
 * Only stages and expressions the embedded store runs too ($match, $project, $lookup, $unwind, $sort, $group,
 * $limit, $cond, $ifNull, $lt, $lte, $gt, $and, $eq, $max, $last, $first, $sum).
 */
@Service
public class MigrationQueries {

	/** The largest drill-down page. */
	public static final int MAX_PAGE_SIZE = 100;

	static final String CURSOR_ORDER = "tierMigration";

	private static final String NONE_BUCKET_ID = "";

	/** Buckets of a history entry, in the order the "to" tier needs them: its $last is the latest that counts. */
	private static final int AFTER_TO = 0;

	private static final int UP_TO_FROM = 1;

	private static final int UP_TO_TO = 2;

	private static final int NO_HISTORY = 3;

	private final MongoTemplate mongoTemplate;

	private final CallerScopes callerScopes;

	private final QueryMapper queryMapper;

	private final Clock clock;

	MigrationQueries(MongoTemplate mongoTemplate, CallerScopes callerScopes, Clock clock) {
		this.mongoTemplate = mongoTemplate;
		this.callerScopes = callerScopes;
		this.queryMapper = new QueryMapper(mongoTemplate.getConverter());
		this.clock = clock;
	}

	/** What a drill-down page was cut from, to count the whole cell; opaque outside this package. */
	public record Selection(Document clientMatch, MigrationPeriod period, MigrationTier fromTier,
			MigrationTier toTier) {
	}

	/** The Beijing date today, the latest date history can answer for. */
	LocalDate today() {
		return LocalDate.now(this.clock.withZone(BankTime.ZONE));
	}

	/**
	 * The matrix over the clients the caller may list with the filter.
	 * @throws InvalidArgumentException for dates out of range or in the wrong order
	 */
	public TierMigration matrix(Caller caller, LocalDate from, LocalDate to, ClientFilter filter) {
		MigrationPeriod period = MigrationPeriod.of(from, to, today());
		List<Document> pipeline = perClient(clientMatch(caller, filter), period);
		pipeline.add(new Document("$group", new Document("_id", new Document("f", "$from").append("t", "$to"))
			.append("n", new Document("$sum", 1))));
		Map<MigrationTier, Map<MigrationTier, Long>> counts = new EnumMap<>(MigrationTier.class);
		for (Document row : aggregate(pipeline)) {
			Document key = row.get("_id", Document.class);
			counts.computeIfAbsent(MigrationTier.of(key.get("f")), tier -> new EnumMap<>(MigrationTier.class))
				.merge(MigrationTier.of(key.get("t")), number(row.get("n")), Long::sum);
		}
		List<TierMigrationCell> cells = new ArrayList<>();
		long total = 0;
		for (MigrationTier fromTier : MigrationTier.values()) {
			for (MigrationTier toTier : MigrationTier.values()) {
				long count = counts.getOrDefault(fromTier, Map.of()).getOrDefault(toTier, 0L);
				cells.add(new TierMigrationCell(fromTier, toTier, count));
				total += count;
			}
		}
		return new TierMigration(period.from(), period.to(), total, cells);
	}

	/**
	 * A page of the clients of one cell, by name then id.
	 * @throws InvalidArgumentException for dates, a page size or a cursor the caller can fix
	 */
	public TierMigrationClients page(Caller caller, LocalDate from, LocalDate to, MigrationTier fromTier,
			MigrationTier toTier, ClientFilter filter, int first, @Nullable String after) {
		MigrationPeriod period = MigrationPeriod.of(from, to, today());
		if (first < 0 || first > MAX_PAGE_SIZE) {
			throw new InvalidArgumentException("first", "first must be between 0 and " + MAX_PAGE_SIZE + ".");
		}
		KeysetCursor cursor = (after != null) ? KeysetCursor.decode(after, CURSOR_ORDER) : null;
		if (cursor != null && !(cursor.value() instanceof String)) {
			throw new InvalidArgumentException("after",
					"Not a valid cursor: pass the endCursor or an edge cursor of a previous page unchanged.");
		}
		Selection selection = new Selection(clientMatch(caller, filter), period, fromTier, toTier);
		List<Document> pipeline = inCell(selection);
		if (cursor != null) {
			String name = (String) cursor.value();
			pipeline.add(new Document("$match", new Document("$or",
					List.of(new Document("name", new Document("$gt", name)),
							new Document("name", name).append("_id", new Document("$gt", cursor.id()))))));
		}
		pipeline.add(new Document("$sort", new Document("name", 1).append("_id", 1)));
		// One row more than asked tells whether another page follows; only the page's rows are joined back.
		pipeline.add(new Document("$limit", first + 1));
		pipeline.add(new Document("$lookup", new Document("from", "clients").append("localField", "_id")
			.append("foreignField", "_id")
			.append("as", "client")));
		pipeline.add(new Document("$unwind", "$client"));
		List<Document> rows = aggregate(pipeline);
		List<ClientEdge> edges = new ArrayList<>();
		for (Document row : rows.subList(0, Math.min(first, rows.size()))) {
			Client client = this.mongoTemplate.getConverter().read(Client.class, row.get("client", Document.class));
			edges.add(new ClientEdge(new KeysetCursor(CURSOR_ORDER, client.name(), client.id()).encode(), client));
		}
		String endCursor = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
		return new TierMigrationClients(edges, new PageInfo(rows.size() > first, endCursor), selection);
	}

	/** Every client of the cell a page was cut from: the matrix's count of that cell. */
	public long count(Selection selection) {
		List<Document> pipeline = inCell(selection);
		pipeline.add(new Document("$group", new Document("_id", null).append("n", new Document("$sum", 1))));
		List<Document> rows = aggregate(pipeline);
		return rows.isEmpty() ? 0 : number(rows.get(0).get("n"));
	}

	private List<Document> inCell(Selection selection) {
		List<Document> pipeline = perClient(selection.clientMatch(), selection.period());
		pipeline.add(new Document("$match",
				new Document("from", selection.fromTier().stored()).append("to", selection.toTier().stored())));
		return pipeline;
	}

	/** The scope and filter of {@code Query.clients}, as the store reads them (enums and dates converted). */
	private Document clientMatch(Caller caller, ClientFilter filter) {
		Criteria criteria = this.callerScopes.clientScope(caller).and(filter.toCriteria());
		return this.queryMapper.getMappedObject(criteria.getCriteriaObject(),
				this.mongoTemplate.getConverter().getMappingContext().getPersistentEntity(Client.class));
	}

	/** Stages 1 to 3 of the class comment: one document per client, {@code _id}, {@code name}, {@code from}, {@code to}. */
	private List<Document> perClient(Document clientMatch, MigrationPeriod period) {
		Date endFrom = MigrationPeriod.endOf(period.from());
		Date endTo = MigrationPeriod.endOf(period.to());
		List<Document> pipeline = new ArrayList<>();
		pipeline.add(new Document("$match", clientMatch));
		pipeline.add(new Document("$project", new Document("name", 1).append("vt", "$valueTier.tier")
			.append("vtOn", "$valueTier.evaluatedOn")));
		pipeline.add(new Document("$lookup", new Document("from", "tier_history").append("localField", "_id")
			.append("foreignField", "clientId")
			.append("as", "h")));
		pipeline.add(new Document("$unwind", new Document("path", "$h").append("preserveNullAndEmptyArrays", true)));
		Document bucket = cond(eq(new Document("$ifNull", Arrays.asList("$h._id", NONE_BUCKET_ID)), NONE_BUCKET_ID),
				NO_HISTORY, cond(lt("$h.evaluatedAt", endFrom), UP_TO_FROM,
						cond(lt("$h.evaluatedAt", endTo), UP_TO_TO, AFTER_TO)));
		pipeline.add(new Document("$project", new Document("name", 1).append("vt", 1)
			.append("vtOn", 1)
			.append("at", "$h.evaluatedAt")
			.append("hid", "$h._id")
			.append("tier", "$h.tier")
			.append("b", bucket)));
		pipeline.add(new Document("$sort", new Document("_id", 1).append("b", 1).append("at", 1).append("hid", 1)));
		pipeline.add(new Document("$group", new Document("_id", new Document("c", "$_id").append("b", "$b"))
			.append("tier", new Document("$last", "$tier"))
			.append("name", new Document("$first", "$name"))
			.append("vt", new Document("$first", "$vt"))
			.append("vtOn", new Document("$first", "$vtOn"))));
		Object seededFrom = seeded(period.from());
		Object seededTo = seeded(period.to());
		pipeline.add(new Document("$project", new Document("name", 1)
			.append("fromTier", cond(eq("$_id.b", UP_TO_FROM), "$tier", cond(eq("$_id.b", NO_HISTORY), seededFrom, null)))
			.append("toTier", cond(eq("$_id.b", AFTER_TO), null, cond(eq("$_id.b", NO_HISTORY), seededTo, "$tier")))));
		pipeline.add(new Document("$sort", new Document("_id.c", 1).append("_id.b", 1)));
		pipeline.add(new Document("$group", new Document("_id", "$_id.c").append("name", new Document("$first", "$name"))
			.append("from", new Document("$max", "$fromTier"))
			.append("to", new Document("$last", "$toTier"))));
		return pipeline;
	}

	/** The seeded tier when it was in force on the date: its {@code evaluatedOn} known and on or before it. */
	private Document seeded(LocalDate date) {
		Object day = this.mongoTemplate.getConverter().convertToMongoType(date);
		return cond(new Document("$and", List.of(new Document("$gt", Arrays.asList("$vtOn", null)),
				new Document("$lte", List.of("$vtOn", day)))), "$vt", null);
	}

	private List<Document> aggregate(List<Document> pipeline) {
		return this.mongoTemplate.execute("clients",
				collection -> collection.aggregate(pipeline).allowDiskUse(true).into(new ArrayList<>()));
	}

	private static Document cond(Object test, @Nullable Object then, @Nullable Object otherwise) {
		return new Document("$cond", Arrays.asList(test, then, otherwise));
	}

	private static Document eq(Object left, Object right) {
		return new Document("$eq", List.of(left, right));
	}

	private static Document lt(Object left, Object right) {
		return new Document("$lt", List.of(left, right));
	}

	private static long number(@Nullable Object value) {
		return (value instanceof Number n) ? n.longValue() : 0;
	}

}
