package com.corpbank.portal.portfolio;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.types.Decimal128;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Keeps a copy of each client's latest figures on the client document, under {@value #FIELD}, so that
 * {@link PortfolioQueries} sums them in ONE aggregation over {@code clients} (no join per client, no second command).
 * The sources stay where they are; the copy is re-derived from them (never from the value being written), so it
 * converges whatever order months and periods are recorded in:
 * <ul>
 * <li>{@code figures.revenue}: 营业收入 of the client's latest annual statement (greatest {@code periodEnd} among
 * fiscal-year periods), only when that statement is in CNY (a latest statement in another currency leaves no revenue:
 * the portal keeps no exchange rates, as for the enterprise size); with {@code period};</li>
 * <li>{@code figures.metrics}: from the newest month of relationship figures: 日均存款 average deposits of that month,
 * 贷款余额 loan balance at its end, 中间业务收入 fee income booked in it; with {@code month};</li>
 * <li>{@code figures.refreshedAt}: when the copy was last derived.</li>
 * </ul>
 * Each amount is stored three ways: {@code amount} (Decimal128, scale 2: what a reader sees) and the same amount in
 * integer fen split into {@code fenHigh} = fen / 10^9 and {@code fenLow} = fen % 10^9 (both Int64, same sign). The
 * aggregate sums the two integer parts, which is exact on real MongoDB and on the embedded store alike (the embedded
 * store turns a {@code $sum} of Decimal128 into a double), and cannot overflow: a part is below 10^8 per client (money
 * is at most 10^15 yuan), so Int64 holds the sum of 9 × 10^10 clients. {@link Money#fromFenParts} joins them in
 * BigDecimal.
 *
 * <p>Written where the sources are written: after a month of figures is recorded or corrected
 * ({@code metrics.MetricsRecording}) and when a client's size is re-derived from its statements
 * ({@code financials.ClientSizing}, whose crash-repair sweep thus repairs the revenue copy too); the demo seed and
 * {@link #refreshMissing()} fill it for clients loaded without it.
 */
@Component
public class ClientFigureCopies {

	/** The field of the client document that holds the copy. */
	public static final String FIELD = "figures";

	/** When the copy was last derived: set on every copy, so a client without it has no copy. */
	static final String REFRESHED_AT = FIELD + ".refreshedAt";

	/** Clients per bulk write (and per source read) when many are refreshed. */
	static final int CHUNK = 1_000;

	private static final String ANNUAL_PERIOD = "^\\d{4}$";

	private static final String CNY = "CNY";

	private final MongoTemplate mongoTemplate;

	private final Clock clock;

	ClientFigureCopies(MongoTemplate mongoTemplate, Clock clock) {
		this.mongoTemplate = mongoTemplate;
		this.clock = clock;
	}

	/** Re-derives one client's copy from its sources (a no-op write when the client does not exist). */
	public void refresh(String clientId) {
		refresh(List.of(clientId));
	}

	/** Re-derives the copies of these clients: two reads and one bulk write per {@value #CHUNK} clients. */
	public void refresh(Collection<String> clientIds) {
		List<String> ids = List.copyOf(clientIds);
		for (int from = 0; from < ids.size(); from += CHUNK) {
			refreshChunk(ids.subList(from, Math.min(ids.size(), from + CHUNK)));
		}
	}

	/**
	 * Derives the copy of every client that has none yet (a store seeded before the copy existed, bulk imports).
	 * @return how many clients it refreshed
	 */
	public int refreshMissing() {
		int refreshed = 0;
		while (true) {
			// On the indexed refreshedAt (every copy has one), not on the whole sub-document: the index holds a
			// null key for a client without a copy, so finding the few that lack one reads no other client.
			Query missing = new Query(Criteria.where(REFRESHED_AT).exists(false)).limit(CHUNK);
			missing.fields().include("_id");
			List<String> ids = this.mongoTemplate.find(missing, Document.class, "clients")
				.stream()
				.map(document -> document.getString("_id"))
				.toList();
			if (ids.isEmpty()) {
				return refreshed;
			}
			refreshChunk(ids);
			refreshed += ids.size();
		}
	}

	private void refreshChunk(List<String> clientIds) {
		Map<String, Document> revenue = latestAnnualStatements(clientIds);
		Map<String, Document> metrics = latestMetrics(clientIds);
		BulkOperations bulk = this.mongoTemplate.bulkOps(BulkOperations.BulkMode.UNORDERED, "clients");
		for (String clientId : clientIds) {
			Document copy = copyOf(revenue.get(clientId), metrics.get(clientId), this.clock.instant());
			bulk.updateOne(new Query(Criteria.where("_id").is(clientId)), new Update().set(FIELD, copy));
		}
		bulk.execute();
	}

	/**
	 * The copy as stored under {@value #FIELD}, from the stored documents of the client's latest annual statement and
	 * newest month (either null when it has none); for tools that write a client together with its sources (e.g.
	 * {@code seed.ScaledBook}) and so need no second pass.
	 */
	public static Document copyOf(@Nullable Document latestAnnualStatement, @Nullable Document newestMonth,
			Instant refreshedAt) {
		Document copy = new Document();
		if (latestAnnualStatement != null && CNY.equals(latestAnnualStatement.getString("currency"))) {
			copy.append("revenue", money(latestAnnualStatement.get("revenue")).append("period",
					latestAnnualStatement.getString("period")));
		}
		if (newestMonth != null) {
			copy.append("metrics", new Document("month", newestMonth.getString("month"))
				.append("averageDeposits", money(newestMonth.get("averageDeposits")))
				.append("loanBalance", money(newestMonth.get("loanBalance")))
				.append("feeIncome", money(newestMonth.get("feeIncome"))));
		}
		return copy.append("refreshedAt", refreshedAt);
	}

	/** Whether a statement's period is a fiscal year, the only periods the revenue copy reads. */
	public static boolean isAnnualPeriod(String period) {
		return period.matches(ANNUAL_PERIOD);
	}

	/** Each client's fiscal-year statement with the greatest period end, in one aggregation. */
	private Map<String, Document> latestAnnualStatements(List<String> clientIds) {
		return latestPerClient("financial_statements",
				Criteria.where("clientId").in(clientIds).and("period").regex(ANNUAL_PERIOD), "periodEnd");
	}

	/** Each client's newest month of relationship figures, in one aggregation. */
	private Map<String, Document> latestMetrics(List<String> clientIds) {
		return latestPerClient("relationship_metrics", Criteria.where("clientId").in(clientIds), "monthStart");
	}

	private Map<String, Document> latestPerClient(String collection, Criteria match, String newestBy) {
		Aggregation aggregation = Aggregation.newAggregation(Aggregation.match(match),
				Aggregation.sort(Sort.by(Sort.Direction.DESC, newestBy)),
				Aggregation.group("clientId").first(Aggregation.ROOT).as("latest"));
		Map<String, Document> latest = new HashMap<>();
		for (Document group : this.mongoTemplate.aggregate(aggregation, collection, Document.class)) {
			latest.put(group.getString("_id"), group.get("latest", Document.class));
		}
		return latest;
	}

	/** An amount as the copy stores it: the decimal and its fen in two exact integer parts. */
	static Document money(@Nullable Object stored) {
		BigDecimal amount = Money.decimal(stored);
		long[] parts = Money.fenParts(amount);
		return new Document("amount", new Decimal128(amount)).append("fenHigh", parts[0]).append("fenLow", parts[1]);
	}

}
