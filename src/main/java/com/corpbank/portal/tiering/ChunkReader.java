package com.corpbank.portal.tiering;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.corpbank.portal.client.Industry;
import com.corpbank.portal.client.LifecycleStage;
import com.corpbank.portal.risk.RiskGrade;
import com.corpbank.portal.tier.ValueTier;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Reads what the evaluation of a chunk of clients needs: one query per collection for the whole chunk (clients,
 * annual statements, 24 months of relationship records, tax years), each projected to the fields scoring reads, so
 * the cost per client stays flat whatever the chunk size.
 */
@Component
class ChunkReader {

	/** Months of relationship records an evaluation reads: the churn rules compare quarters, lifecycle needs history. */
	static final int MONTHS_READ = 24;

	private final MongoTemplate mongoTemplate;

	ChunkReader(MongoTemplate mongoTemplate) {
		this.mongoTemplate = mongoTemplate;
	}

	// Read models: only the fields scoring needs, mapped by Spring Data from the features' collections.
	record ClientRow(@Id String id, @Nullable Industry industry, @Nullable LocalDate onboardedOn,
			@Nullable Integer employees, @Nullable RiskGrade risk, @Nullable ValueTier valueTier,
			@Nullable LifecycleStage lifecycleStage, @Nullable Long version) {
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
		Query query = new Query(Criteria.where("_id").in(clientIds));
		query.fields().include("industry", "onboardedOn", "employees", "risk", "valueTier", "lifecycleStage", "version");
		Map<String, ClientRow> rows = new HashMap<>();
		for (ClientRow row : this.mongoTemplate.find(query, ClientRow.class, "clients")) {
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
					months.getOrDefault(id, List.of()), taxes.getOrDefault(id, List.of())));
		}
		return chunk;
	}

	private Map<String, List<ClientData.Statement>> statements(Collection<String> clientIds, LocalDate asOf) {
		Query query = new Query(Criteria.where("clientId").in(clientIds).and("periodEnd").lte(asOf))
			.with(Sort.by("clientId", "periodEnd"));
		query.fields().include("clientId", "period", "periodEnd", "revenue", "totalAssets", "employees");
		Map<String, List<ClientData.Statement>> byClient = new HashMap<>();
		for (StatementRow row : this.mongoTemplate.find(query, StatementRow.class, "financial_statements")) {
			// Quarterly statements ("2025Q3") do not enter the yearly figures.
			if (row.period().length() == 4) {
				byClient.computeIfAbsent(row.clientId(), id -> new ArrayList<>())
					.add(new ClientData.Statement(row.period(), row.revenue(), row.totalAssets(), row.employees()));
			}
		}
		return byClient;
	}

	private Map<String, List<ClientData.Month>> months(Collection<String> clientIds, LocalDate asOf) {
		YearMonth lastComplete = YearMonth.from(asOf).minusMonths(1);
		Query query = new Query(Criteria.where("clientId").in(clientIds)
			.and("month").gt(lastComplete.minusMonths(MONTHS_READ).toString()).lte(lastComplete.toString()));
		query.fields().include("clientId", "month", "averageDeposits", "loanBalance", "settlementVolume",
				"productsHeld", "feeIncome", "transactionCount", "openComplaints", "lastContactOn");
		Map<String, List<ClientData.Month>> byClient = new HashMap<>();
		for (MonthRow row : this.mongoTemplate.find(query, MonthRow.class, "relationship_metrics")) {
			byClient.computeIfAbsent(row.clientId(), id -> new ArrayList<>())
				.add(new ClientData.Month(YearMonth.parse(row.month()), row.averageDeposits(), row.loanBalance(),
						row.settlementVolume(), row.productsHeld(), row.feeIncome(), row.transactionCount(),
						row.openComplaints(), row.lastContactOn()));
		}
		byClient.values().forEach(list -> list.sort(Comparator.comparing(ClientData.Month::month)));
		return byClient;
	}

	private Map<String, List<ClientData.Tax>> taxes(Collection<String> clientIds, LocalDate asOf) {
		Query query = new Query(Criteria.where("clientId").in(clientIds).and("year").lte(asOf.getYear()));
		query.fields().include("clientId", "year", "taxPaid", "creditGrade");
		Map<String, List<ClientData.Tax>> byClient = new HashMap<>();
		for (TaxRow row : this.mongoTemplate.find(query, TaxRow.class, "tax_records")) {
			byClient.computeIfAbsent(row.clientId(), id -> new ArrayList<>())
				.add(new ClientData.Tax(row.year(), row.taxPaid(), row.creditGrade()));
		}
		byClient.values().forEach(list -> list.sort(Comparator.comparingInt(ClientData.Tax::year)));
		return byClient;
	}

}
