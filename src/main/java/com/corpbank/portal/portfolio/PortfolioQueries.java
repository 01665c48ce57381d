package com.corpbank.portal.portfolio;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import com.corpbank.portal.access.CallerScopes;
import com.corpbank.portal.access.ClientScope;
import com.corpbank.portal.client.Client;
import com.corpbank.portal.client.ClientFilter;
import com.corpbank.portal.security.Caller;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.AggregationOperation;
import org.springframework.data.mongodb.core.aggregation.TypedAggregation;
import org.springframework.stereotype.Service;

/**
 * The portfolio aggregates: ONE aggregation over {@code clients} per request, never a client loaded into Java. Its
 * {@code $match} is the caller's {@link ClientScope} and the {@link ClientFilter}'s criteria, exactly as
 * {@code Query.clients} builds them, so an aggregate never counts a row its caller could not list. Money is summed as
 * two integer fen parts ({@link ClientFigureCopies}, {@link Money}) and joined in BigDecimal: exact on real MongoDB and
 * on the embedded store.
 *
 * <p>{@link PortfolioDimension#TEAM} groups by primary RM, looks the (few) RM groups up in the {@code managers}
 * directory and groups them again by their team, all inside the same aggregation.
 */
@Service
public class PortfolioQueries {

	private static final List<String> MONEY = List.of("revenue", "averageDeposits", "loanBalance", "feeIncome");

	private final MongoTemplate mongoTemplate;

	private final CallerScopes callerScopes;

	private final Clock clock;

	PortfolioQueries(MongoTemplate mongoTemplate, CallerScopes callerScopes, Clock clock) {
		this.mongoTemplate = mongoTemplate;
		this.callerScopes = callerScopes;
		this.clock = clock;
	}

	public Portfolio portfolio(Caller caller, ClientFilter filter, PortfolioDimension groupBy) {
		ClientScope scope = this.callerScopes.clientScope(caller);
		List<AggregationOperation> stages = new ArrayList<>();
		// Through the client mapping, so enum and date values in the criteria are written as the list writes them.
		stages.add(Aggregation.match(scope.and(filter.toCriteria())));
		Document group = firstGroup("$" + groupBy.path());
		stages.add(context -> new Document("$group", group));
		if (groupBy == PortfolioDimension.TEAM) {
			stages.add(context -> new Document("$lookup", new Document("from", "managers").append("localField", "_id")
				.append("foreignField", "_id")
				.append("as", "rm")));
			stages.add(context -> new Document("$unwind",
					new Document("path", "$rm").append("preserveNullAndEmptyArrays", true)));
			stages.add(context -> new Document("$group", regroup("$rm.teamCode")));
		}
		TypedAggregation<Client> aggregation = Aggregation.newAggregation(Client.class, stages);

		List<PortfolioGroup> groups = new ArrayList<>();
		for (Document row : this.mongoTemplate.aggregate(aggregation, Document.class)) {
			groups.add(new PortfolioGroup(key(row.get("_id")), figures(row)));
		}
		groups.sort(Comparator.comparing(PortfolioGroup::key, Comparator.nullsLast(Comparator.naturalOrder())));
		PortfolioFigures totals = groups.stream()
			.map(PortfolioGroup::figures)
			.reduce(PortfolioFigures.NONE, PortfolioFigures::plus);
		return new Portfolio(groupBy, List.copyOf(groups), totals, this.clock.instant(), null);
	}

	/** Counts and integer sums per key, straight from the client documents. */
	private static Document firstGroup(String key) {
		Document group = new Document("_id", key).append("clientCount", new Document("$sum", 1));
		for (String figure : MONEY) {
			String path = "$" + ClientFigureCopies.FIELD + "." + (figure.equals("revenue") ? "" : "metrics.") + figure;
			group.append(figure + "High", new Document("$sum", path + ".fenHigh"))
				.append(figure + "Low", new Document("$sum", path + ".fenLow"));
		}
		return group.append("clientsWithRevenue", countWhere("$" + ClientFigureCopies.FIELD + ".revenue.period"))
			.append("clientsWithMetrics", countWhere("$" + ClientFigureCopies.FIELD + ".metrics.month"))
			.append("oldestMetricsMonth", new Document("$min", "$" + ClientFigureCopies.FIELD + ".metrics.month"))
			.append("newestMetricsMonth", new Document("$max", "$" + ClientFigureCopies.FIELD + ".metrics.month"));
	}

	/** The first group's rows added up under another key (the team of the RM). */
	private static Document regroup(String key) {
		Document group = new Document("_id", key).append("clientCount", new Document("$sum", "$clientCount"));
		for (String figure : MONEY) {
			group.append(figure + "High", new Document("$sum", "$" + figure + "High"))
				.append(figure + "Low", new Document("$sum", "$" + figure + "Low"));
		}
		return group.append("clientsWithRevenue", new Document("$sum", "$clientsWithRevenue"))
			.append("clientsWithMetrics", new Document("$sum", "$clientsWithMetrics"))
			.append("oldestMetricsMonth", new Document("$min", "$oldestMetricsMonth"))
			.append("newestMetricsMonth", new Document("$max", "$newestMetricsMonth"));
	}

	/** 1 for a document where the field is set, else 0. */
	private static Document countWhere(String field) {
		return new Document("$sum",
				new Document("$cond", List.of(new Document("$gt", Arrays.asList(field, null)), 1, 0)));
	}

	private static PortfolioFigures figures(Document row) {
		return new PortfolioFigures(integer(row, "clientCount"), money(row, "revenue"),
				integer(row, "clientsWithRevenue"), money(row, "averageDeposits"), money(row, "loanBalance"),
				money(row, "feeIncome"), integer(row, "clientsWithMetrics"), row.getString("oldestMetricsMonth"),
				row.getString("newestMetricsMonth"));
	}

	private static java.math.BigDecimal money(Document row, String figure) {
		return Money.fromFenParts(whole(row.get(figure + "High")), whole(row.get(figure + "Low")));
	}

	private static int integer(Document row, String field) {
		return Math.toIntExact(whole(row.get(field)));
	}

	/** A summed integer as the store returns it (Int32, Int64, or a double holding a whole number). */
	private static long whole(@Nullable Object value) {
		if (value == null) {
			return 0;
		}
		if (value instanceof Integer || value instanceof Long) {
			return ((Number) value).longValue();
		}
		if (value instanceof Double number && number == Math.rint(number) && Math.abs(number) < 0x1p53) {
			return number.longValue();
		}
		throw new IllegalStateException("not a whole sum: " + value);
	}

	private static @Nullable String key(@Nullable Object id) {
		return (id != null) ? id.toString() : null;
	}

}
