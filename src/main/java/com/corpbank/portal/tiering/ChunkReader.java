package com.corpbank.portal.tiering;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.corpbank.portal.BankTime;
import com.corpbank.portal.client.FollowUp;
import com.corpbank.portal.client.Industry;
import com.corpbank.portal.client.LifecycleStage;
import com.corpbank.portal.financials.FinancialStatement;
import com.corpbank.portal.metrics.RelationshipMetrics;
import com.corpbank.portal.risk.RiskGrade;
import com.corpbank.portal.tax.TaxRecord;
import com.corpbank.portal.tier.ValueTier;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Reads what the evaluation of a chunk of clients needs: a fixed number of queries per collection for the whole chunk
 * (clients, annual statements, 24 months of relationship records, tax years, the latest interaction; slices of
 * {@value #IDS_PER_QUERY} ids),
 * each projected to the fields scoring reads, so the cost per client stays flat whatever the chunk and book size.
 *
 * <p>Every query but the latest interaction's (see {@link #lastInteractions}) selects by {@code _id} alone: statements, months and tax years have ids made of the client id and
 * the period ({@code C000001-2025}, {@code C000001-2026-10}), so the chunk asks for exactly the ids of the periods it
 * reads. MongoDB serves that from the {@code _id} index like a {@code clientId} range; the embedded store serves only a
 * query whose fields are exactly a unique index's, so any other filter would scan the whole collection for every
 * chunk and make a batch over the book quadratic. Hence the windows: {@value #YEARS_READ} years of statements and tax
 * records (older ones no longer count), {@value #MONTHS_READ} months of figures.
 */
@Component
class ChunkReader {

	/** Months of relationship records an evaluation reads: the churn rules compare quarters, lifecycle needs history. */
	static final int MONTHS_READ = 24;

	/** Ids in one {@code $in} query (see {@link #findByIds}). */
	static final int IDS_PER_QUERY = 500;

	/** Annual statements and tax years an evaluation reads: the latest two count, older than this are stale. */
	static final int YEARS_READ = 5;

	private final MongoTemplate mongoTemplate;

	ChunkReader(MongoTemplate mongoTemplate) {
		this.mongoTemplate = mongoTemplate;
	}

	// Read models: only the fields scoring needs, mapped by Spring Data from the features' collections.
	record ClientRow(@Id String id, @Nullable Industry industry, @Nullable LocalDate onboardedOn,
			@Nullable Integer employees, @Nullable RiskGrade risk, @Nullable ValueTier valueTier,
			@Nullable LifecycleStage lifecycleStage, @Nullable Long version, @Nullable String primaryManager,
			@Nullable FollowUp followUp) {
	}

	record StatementRow(String clientId, String period, LocalDate periodEnd, BigDecimal revenue,
			BigDecimal totalAssets, int employees) {
	}

	record MonthRow(String clientId, String month, BigDecimal averageDeposits, BigDecimal loanBalance,
			BigDecimal settlementVolume, int productsHeld, BigDecimal feeIncome, @Nullable Integer transactionCount,
			@Nullable Integer openComplaints, @Nullable LocalDate lastContactOn) {
	}

	record TaxRow(String clientId, int year, BigDecimal taxPaid, String creditGrade) {
	}

	/** The chunk's clients in the order of {@code clientIds}; an id without a client is left out. */
	List<ClientData> read(Collection<String> clientIds, LocalDate asOf) {
		Map<String, List<ClientData.Statement>> statements = statements(clientIds, asOf);
		Map<String, List<ClientData.Month>> months = months(clientIds, asOf);
		Map<String, List<ClientData.Tax>> taxes = taxes(clientIds, asOf);
		Map<String, LocalDate> interactions = lastInteractions(clientIds, asOf);
		Map<String, ClientRow> rows = new HashMap<>();
		for (ClientRow row : findByIds(List.copyOf(clientIds), ClientRow.class, "clients", "industry", "onboardedOn",
				"employees", "risk", "valueTier", "lifecycleStage", "version", "primaryManager", "followUp")) {
			rows.put(row.id(), row);
		}
		List<ClientData> chunk = new ArrayList<>(rows.size());
		for (String id : clientIds) {
			ClientRow row = rows.get(id);
			if (row == null) {
				continue;
			}
			RiskGrade risk = row.risk();
			chunk.add(new ClientData(id, (row.version() != null) ? row.version() : 0,
					(row.industry() != null) ? row.industry().section() : null, row.onboardedOn(), row.employees(),
					(risk != null) ? new ClientData.Risk(risk.rating().name(), risk.fiveCategory().name(),
							risk.ratedOn(), risk.overdueDays()) : null,
					row.valueTier(), row.lifecycleStage(), statements.getOrDefault(id, List.of()),
					months.getOrDefault(id, List.of()), taxes.getOrDefault(id, List.of()), row.primaryManager(),
					row.followUp(), interactions.get(id)));
		}
		return chunk;
	}

	private Map<String, List<ClientData.Statement>> statements(Collection<String> clientIds, LocalDate asOf) {
		// Annual statements only: quarterly ones ("2025Q3") do not enter the yearly figures.
		List<String> ids = new ArrayList<>(clientIds.size() * YEARS_READ);
		for (String clientId : clientIds) {
			for (int year = asOf.getYear() - YEARS_READ + 1; year <= asOf.getYear(); year++) {
				ids.add(FinancialStatement.idOf(clientId, Integer.toString(year)));
			}
		}
		Map<String, List<ClientData.Statement>> byClient = new HashMap<>();
		for (StatementRow row : findByIds(ids, StatementRow.class, "financial_statements", "clientId", "period",
				"periodEnd", "revenue", "totalAssets", "employees")) {
			if (!row.periodEnd().isAfter(asOf)) {
				byClient.computeIfAbsent(row.clientId(), id -> new ArrayList<>())
					.add(new ClientData.Statement(row.period(), row.revenue(), row.totalAssets(), row.employees()));
			}
		}
		byClient.values().forEach(list -> list.sort(Comparator.comparing(ClientData.Statement::period)));
		return byClient;
	}

	private Map<String, List<ClientData.Month>> months(Collection<String> clientIds, LocalDate asOf) {
		YearMonth lastComplete = YearMonth.from(asOf).minusMonths(1);
		List<String> ids = new ArrayList<>(clientIds.size() * MONTHS_READ);
		for (String clientId : clientIds) {
			for (int back = MONTHS_READ - 1; back >= 0; back--) {
				ids.add(RelationshipMetrics.idOf(clientId, lastComplete.minusMonths(back).toString()));
			}
		}
		Map<String, List<ClientData.Month>> byClient = new HashMap<>();
		for (MonthRow row : findByIds(ids, MonthRow.class, "relationship_metrics", "clientId", "month",
				"averageDeposits", "loanBalance", "settlementVolume", "productsHeld", "feeIncome", "transactionCount",
				"openComplaints", "lastContactOn")) {
			byClient.computeIfAbsent(row.clientId(), id -> new ArrayList<>())
				.add(new ClientData.Month(YearMonth.parse(row.month()), row.averageDeposits(), row.loanBalance(),
						row.settlementVolume(), row.productsHeld(), row.feeIncome(), row.transactionCount(),
						row.openComplaints(), row.lastContactOn()));
		}
		byClient.values().forEach(list -> list.sort(Comparator.comparing(ClientData.Month::month)));
		return byClient;
	}

	private Map<String, List<ClientData.Tax>> taxes(Collection<String> clientIds, LocalDate asOf) {
		List<String> ids = new ArrayList<>(clientIds.size() * YEARS_READ);
		for (String clientId : clientIds) {
			for (int year = asOf.getYear() - YEARS_READ + 1; year <= asOf.getYear(); year++) {
				ids.add(TaxRecord.idOf(clientId, year));
			}
		}
		Map<String, List<ClientData.Tax>> byClient = new HashMap<>();
		for (TaxRow row : findByIds(ids, TaxRow.class, "tax_records", "clientId", "year", "taxPaid", "creditGrade")) {
			byClient.computeIfAbsent(row.clientId(), id -> new ArrayList<>())
				.add(new ClientData.Tax(row.year(), row.taxPaid(), row.creditGrade()));
		}
		byClient.values().forEach(list -> list.sort(Comparator.comparingInt(ClientData.Tax::year)));
		return byClient;
	}

	/**
	 * The Beijing date of each client's latest interaction up to the end of {@code asOf}: one grouping query per id
	 * slice. Interactions are keyed by a generated id, so this one filters by {@code clientId}: MongoDB serves it from
	 * {@code client_newest_first}; the embedded store scans the interactions once per slice (a book without
	 * interactions, such as the benchmark's scaled book, costs nothing).
	 */
	private Map<String, LocalDate> lastInteractions(Collection<String> clientIds, LocalDate asOf) {
		List<String> ids = List.copyOf(clientIds);
		Instant until = asOf.plusDays(1).atStartOfDay(BankTime.ZONE).toInstant();
		Map<String, LocalDate> latest = new HashMap<>();
		for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
			Aggregation aggregation = Aggregation.newAggregation(
					Aggregation.match(Criteria.where("clientId").in(ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY)))
						.and("occurredAt").lt(until)),
					Aggregation.group("clientId").max("occurredAt").as("occurredAt"));
			for (Document row : this.mongoTemplate.aggregate(aggregation, "interactions", Document.class)) {
				Date occurredAt = row.getDate("occurredAt");
				if (occurredAt != null) {
					latest.put(row.getString("_id"), LocalDate.ofInstant(occurredAt.toInstant(), BankTime.ZONE));
				}
			}
		}
		return latest;
	}

	/**
	 * The documents with these ids, projected to {@code fields}, in queries of at most {@value #IDS_PER_QUERY} ids: the
	 * embedded store checks each document it finds against the whole {@code $in} list, so one query's cost grows with
	 * the square of its list; slices keep a chunk's cost linear in its size.
	 */
	private <T> List<T> findByIds(List<String> ids, Class<T> type, String collection, String... fields) {
		List<T> found = new ArrayList<>(ids.size());
		for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
			Query query = new Query(Criteria.where("_id").in(ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY))));
			query.fields().include(fields);
			found.addAll(this.mongoTemplate.find(query, type, collection));
		}
		return found;
	}

}
