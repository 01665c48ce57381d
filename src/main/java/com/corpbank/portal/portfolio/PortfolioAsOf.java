package com.corpbank.portal.portfolio;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

import com.corpbank.portal.BankTime;
import com.corpbank.portal.access.CallerScopes;
import com.corpbank.portal.client.Client;
import com.corpbank.portal.client.ClientFilter;
import com.corpbank.portal.migration.PointInTime;
import com.corpbank.portal.security.Caller;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.QueryMapper;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

/**
 * The portfolio as it was at the end of a Beijing day: ONE aggregation over {@code clients} per request, never a
 * client loaded into Java.
 * <ol>
 * <li>{@code $match}: the caller's scope and the filter exactly as {@code Query.clients} builds them (both on the
 * clients as they are NOW: an aggregate never counts a row its caller could not list), and {@code onboardedOn} on or
 * before the date (a client onboarded later, or whose onboarding date is unknown, did not exist then as far as the
 * portal can tell);</li>
 * <li>tier, rating, five-category class and primary RM then, from the three histories, by the stages
 * {@link PointInTime#stagesFor} builds (the answers {@code Client.asOf} gives);</li>
 * <li>the figures then, each one {@code $lookup} on {@code clientId} then {@code $filter} and {@code $reduce}: the
 * newest month of relationship figures whose month had ENDED by the end of the day, and the annual statement with
 * the greatest period end on or before the day (its revenue summed when it is in CNY, as today). Statements carry
 * no recording date, so a statement recorded after the date for a period that ended before it counts (figures are
 * the ones known now for that period, corrections included; the same for months, whose {@code recordedAt} is the
 * latest correction's);</li>
 * <li>{@code $group} by the dimension (tier, rating, class, RM and team as they were; industry section, region and
 * size as they are now, as the portal keeps no history of them; a team is the RM's team in the directory now), with
 * {@code $sum} over the stored Decimal128 amounts: exact on real MongoDB and on the embedded store 1.47 alike (its
 * $sum adds Decimal128 as BigDecimal); a sum that came back as a double would be refused, never returned.</li>
 * </ol>
 */
@Service
class PortfolioAsOf {

	private static final String THEN = "then";

	private static final List<String> MONEY = List.of("revenue", "averageDeposits", "loanBalance", "feeIncome");

	private final MongoTemplate mongoTemplate;

	private final CallerScopes callerScopes;

	private final PointInTime pointInTime;

	private final QueryMapper queryMapper;

	private final Clock clock;

	PortfolioAsOf(MongoTemplate mongoTemplate, CallerScopes callerScopes, PointInTime pointInTime, Clock clock) {
		this.mongoTemplate = mongoTemplate;
		this.callerScopes = callerScopes;
		this.pointInTime = pointInTime;
		this.queryMapper = new QueryMapper(mongoTemplate.getConverter());
		this.clock = clock;
	}

	/**
	 * @throws com.corpbank.portal.graphql.InvalidArgumentException naming {@code asOf} for a date before 2000-01-01 or
	 * after today
	 */
	Portfolio portfolio(Caller caller, ClientFilter filter, PortfolioDimension groupBy, LocalDate asOf) {
		// The scope first: a caller who may list no clients is refused whatever the date.
		Document clientMatch = clientMatch(caller, filter, asOf);
		this.pointInTime.check("asOf", asOf);
		List<Document> pipeline = new ArrayList<>();
		pipeline.add(new Document("$match", clientMatch));
		pipeline.add(new Document("$project", new Document("industry.section", 1).append("region", 1)
			.append("size", 1)
			.append("valueTier", 1)
			.append("risk", 1)
			.append("primaryManager", 1)
			.append("onboardedOn", 1)));
		pipeline.addAll(this.pointInTime.stagesFor(asOf, THEN));
		pipeline.addAll(latestMonthEndedBy(asOf));
		pipeline.addAll(latestAnnualStatementBy(asOf));
		pipeline.add(new Document("$group", firstGroup(key(groupBy))));
		if (groupBy == PortfolioDimension.TEAM) {
			pipeline.add(new Document("$lookup", new Document("from", "managers").append("localField", "_id")
				.append("foreignField", "_id")
				.append("as", "rm")));
			pipeline.add(new Document("$unwind", new Document("path", "$rm").append("preserveNullAndEmptyArrays", true)));
			pipeline.add(new Document("$group", regroup("$rm.teamCode")));
		}
		List<Document> rows = this.mongoTemplate.execute("clients",
				collection -> collection.aggregate(pipeline).allowDiskUse(true).into(new ArrayList<>()));
		List<PortfolioGroup> groups = new ArrayList<>();
		for (Document row : rows) {
			Object id = row.get("_id");
			groups.add(new PortfolioGroup((id != null) ? id.toString() : null, figures(row)));
		}
		groups.sort(Comparator.comparing(PortfolioGroup::key, Comparator.nullsLast(Comparator.naturalOrder())));
		PortfolioFigures totals = groups.stream()
			.map(PortfolioGroup::figures)
			.reduce(PortfolioFigures.NONE, PortfolioFigures::plus);
		return new Portfolio(groupBy, List.copyOf(groups), totals, this.clock.instant(), asOf);
	}

	/** The scope and filter of {@code Query.clients}, and onboarded by the date, as the store reads them. */
	private Document clientMatch(Caller caller, ClientFilter filter, LocalDate asOf) {
		Criteria criteria = new Criteria().andOperator(this.callerScopes.clientScope(caller).and(filter.toCriteria()),
				Criteria.where("onboardedOn").lte(asOf));
		return this.queryMapper.getMappedObject(criteria.getCriteriaObject(),
				this.mongoTemplate.getConverter().getMappingContext().getPersistentEntity(Client.class));
	}

	/** The group key of a dimension: the value then for what has history, the value now for the rest. */
	private static String key(PortfolioDimension groupBy) {
		return switch (groupBy) {
			case TIER -> "$" + THEN + ".tier";
			case RATING -> "$" + THEN + ".rating";
			case FIVE_CATEGORY -> "$" + THEN + ".fiveCategory";
			case PRIMARY_RM, TEAM -> "$" + THEN + ".primaryManager";
			case INDUSTRY_SECTION, REGION, SIZE -> "$" + groupBy.path();
		};
	}

	/**
	 * The newest month whose month had ended by the end of the day {@code asOf}: every month that starts before the
	 * first day of the month of the day after (31 October counts October; 30 October counts September at the latest).
	 */
	private static List<Document> latestMonthEndedBy(LocalDate asOf) {
		Date cutoff = Date.from(YearMonth.from(asOf.plusDays(1)).atDay(1).atStartOfDay(BankTime.ZONE).toInstant());
		return latest("relationship_metrics", "m", "monthStart",
				new Document("$lt", List.of("$$e.monthStart", cutoff)));
	}

	/**
	 * The fiscal-year statement (a four-character period, "2025"; a quarter is "2025Q3") with the greatest period end
	 * on or before the day {@code asOf}.
	 */
	private List<Document> latestAnnualStatementBy(LocalDate asOf) {
		Object day = this.mongoTemplate.getConverter().convertToMongoType(asOf);
		return latest("financial_statements", "s", "periodEnd",
				new Document("$and", List.of(new Document("$lte", List.of("$$e.periodEnd", day)),
						new Document("$eq", List.of(new Document("$strLenBytes", "$$e.period"), 4)))));
	}

	/**
	 * Sets {@code as} to the client's entry in {@code from} that passes {@code test} (on {@code $$e}) with the
	 * greatest {@code newestBy} (then id); null when none. A plain {@code $lookup} on {@code clientId} (the leading
	 * key of the collection's indexes on real MongoDB), not a {@code let}/{@code pipeline} one: the embedded store
	 * runs such a sub-pipeline as a whole aggregation over the collection per client, about 15 times slower.
	 */
	private static List<Document> latest(String from, String as, String newestBy, Document test) {
		Document matching = new Document("$filter", new Document("input", "$" + as).append("as", "e")
			.append("cond", test));
		Document newer = new Document("$or", List.of(new Document("$eq", Arrays.asList("$$value", null)),
				new Document("$gt", List.of("$$this." + newestBy, "$$value." + newestBy)),
				new Document("$and", List.of(new Document("$eq", List.of("$$this." + newestBy, "$$value." + newestBy)),
						new Document("$gt", List.of("$$this._id", "$$value._id"))))));
		return List.of(
				new Document("$lookup", new Document("from", from).append("localField", "_id")
					.append("foreignField", "clientId")
					.append("as", as)),
				new Document("$addFields", new Document(as, new Document("$reduce",
						new Document("input", matching).append("initialValue", null)
							.append("in", new Document("$cond", List.of(newer, "$$this", "$$value")))))));
	}

	/** Counts and Decimal128 sums per key. */
	private static Document firstGroup(String key) {
		Document cny = new Document("$eq", List.of("$s.currency", "CNY"));
		Document hasMonth = new Document("$gt", Arrays.asList("$m.month", null));
		return new Document("_id", key).append("clientCount", new Document("$sum", 1))
			.append("revenue", sum(new Document("$cond", Arrays.asList(cny, "$s.revenue", 0))))
			.append("clientsWithRevenue", sum(new Document("$cond", List.of(cny, 1, 0))))
			.append("averageDeposits", sum("$m.averageDeposits"))
			.append("loanBalance", sum("$m.loanBalance"))
			.append("feeIncome", sum("$m.feeIncome"))
			.append("clientsWithMetrics", sum(new Document("$cond", List.of(hasMonth, 1, 0))))
			.append("oldestMetricsMonth", new Document("$min", "$m.month"))
			.append("newestMetricsMonth", new Document("$max", "$m.month"));
	}

	/** The first group's rows added up under another key (the team of the RM). */
	private static Document regroup(String key) {
		Document group = new Document("_id", key);
		for (String field : List.of("clientCount", "clientsWithRevenue", "clientsWithMetrics")) {
			group.append(field, sum("$" + field));
		}
		for (String figure : MONEY) {
			group.append(figure, sum("$" + figure));
		}
		return group.append("oldestMetricsMonth", new Document("$min", "$oldestMetricsMonth"))
			.append("newestMetricsMonth", new Document("$max", "$newestMetricsMonth"));
	}

	private static Document sum(Object value) {
		return new Document("$sum", value);
	}

	private static PortfolioFigures figures(Document row) {
		return new PortfolioFigures(count(row, "clientCount"), money(row, "revenue"), count(row, "clientsWithRevenue"),
				money(row, "averageDeposits"), money(row, "loanBalance"), money(row, "feeIncome"),
				count(row, "clientsWithMetrics"), row.getString("oldestMetricsMonth"),
				row.getString("newestMetricsMonth"));
	}

	/** A summed amount: Decimal128, or the integer 0 of a sum over nothing. A double would have lost fen: refused. */
	static BigDecimal money(Document row, String figure) {
		Object value = row.get(figure);
		if (value instanceof Decimal128 decimal) {
			return decimal.bigDecimalValue().setScale(2, RoundingMode.UNNECESSARY);
		}
		if ((value instanceof Integer || value instanceof Long) && ((Number) value).longValue() == 0) {
			return BigDecimal.ZERO.setScale(2);
		}
		throw new IllegalStateException("not an exact sum of " + figure + ": " + value);
	}

	private static int count(Document row, String field) {
		Object value = row.get(field);
		if (value instanceof Integer || value instanceof Long) {
			return Math.toIntExact(((Number) value).longValue());
		}
		throw new IllegalStateException("not a count: " + value);
	}

}
