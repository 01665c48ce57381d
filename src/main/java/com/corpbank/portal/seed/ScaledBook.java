package com.corpbank.portal.seed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.corpbank.portal.client.Client;
import com.corpbank.portal.client.ClientAssignment;
import com.corpbank.portal.client.EnterpriseSizeClassifier;
import com.corpbank.portal.client.Uscc;
import com.corpbank.portal.financials.FinancialStatement;
import com.corpbank.portal.industry.IndustryCatalog;
import com.corpbank.portal.manager.RelationshipManager;
import com.corpbank.portal.metrics.RelationshipMetrics;
import com.corpbank.portal.org.OrgUnit;
import com.corpbank.portal.tax.TaxRecord;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A book of any size shaped like the demo, for benchmarks: N clients with their four annual statements, 24 months of
 * relationship figures and three tax years (no contacts, interactions, surveys or complaints). The book is written in blocks of {@value DemoDataGenerator#CLIENT_COUNT}
 * clients, each the demo generator's book from its own seed (so each block has the demo's mix of tiers, stages,
 * churn patterns and tier movers), renumbered {@code C000001..} in order, with the primary RM taken round-robin from
 * the demo RMs (no co-RMs) and a USCC made from the client's number (unique however large the book).
 *
 * <p>Memory stays flat in N: one block is held at a time and documents go out in unordered bulk inserts of
 * {@value #BATCH}. The org tree and RMs of the demo directory are written first when the store has none.
 */
public final class ScaledBook {

	/** Documents per unordered bulk insert. */
	static final int BATCH = 1_000;

	private ScaledBook() {
	}

	/**
	 * @param mongoTemplate an empty store (or one without these client ids)
	 * @param clients how many clients to write
	 * @param seed the book's seed: the same seed and size write the same book
	 */
	public static void write(MongoTemplate mongoTemplate, int clients, long seed) {
		DemoDataGenerator generator = new DemoDataGenerator(new IndustryCatalog(), new EnterpriseSizeClassifier());
		List<OrgUnit> units = DemoDirectory.get().units();
		List<RelationshipManager> managers = DemoDirectory.get().managers();
		Map<String, List<String>> teamPaths = DemoDataGenerator.teamPathByManager(units);
		if (!mongoTemplate.exists(new Query(), OrgUnit.class)) {
			mongoTemplate.insertAll(units);
		}
		if (!mongoTemplate.exists(new Query(), RelationshipManager.class)) {
			mongoTemplate.insertAll(managers);
		}
		Batch<Client> clientBatch = new Batch<>(mongoTemplate, Client.class);
		Batch<FinancialStatement> statementBatch = new Batch<>(mongoTemplate, FinancialStatement.class);
		Batch<RelationshipMetrics> metricsBatch = new Batch<>(mongoTemplate, RelationshipMetrics.class);
		Batch<TaxRecord> taxBatch = new Batch<>(mongoTemplate, TaxRecord.class);
		int written = 0;
		for (long block = 0; written < clients; block++) {
			// Blocks 10 apart: each generate() draws from seed, seed + 1 and seed + 2 (seed + 3 for the relationship work
			// and seed + 4 for surveys and complaints, which a scaled book leaves out: its clients get their follow-ups
			// from the first batch run, as before, and no feedback).
			DemoData data = generator.generate(seed + 10 * block, false);
			Map<String, String> newIds = new HashMap<>();
			for (Client client : data.clients()) {
				if (written == clients) {
					break;
				}
				written++;
				String id = "C%06d".formatted(written);
				newIds.put(client.id(), id);
				String primary = managers.get((written - 1) % managers.size()).username();
				clientBatch.add(renumbered(client, id, written, new ClientAssignment(primary, List.of()), teamPaths));
			}
			for (FinancialStatement statement : data.statements()) {
				String id = newIds.get(statement.clientId());
				if (id != null) {
					statementBatch.add(new FinancialStatement(id + "-" + statement.period(), id, statement.period(),
							statement.periodEnd(), statement.currency(), statement.revenue(), statement.netProfit(),
							statement.totalAssets(), statement.totalLiabilities(), statement.currentAssets(),
							statement.currentLiabilities(), statement.operatingCashFlow(), statement.taxPaid(),
							statement.employees()));
				}
			}
			for (RelationshipMetrics month : data.metrics()) {
				String id = newIds.get(month.clientId());
				if (id != null) {
					metricsBatch.add(new RelationshipMetrics(RelationshipMetrics.idOf(id, month.month()), id,
							month.month(), month.monthStart(), month.averageDeposits(), month.loanBalance(),
							month.settlementVolume(), month.productsHeld(), month.feeIncome(), month.transactionCount(),
							month.openComplaints(), month.lastContactOn(), month.recordedAt(), month.recordedBy(),
							month.version()));
				}
			}
			for (TaxRecord record : data.taxRecords()) {
				String id = newIds.get(record.clientId());
				if (id != null) {
					taxBatch.add(new TaxRecord(TaxRecord.idOf(id, record.year()), id, record.year(), record.taxPaid(),
							record.creditGrade(), record.recordedAt(), record.recordedBy(), record.version()));
				}
			}
		}
		clientBatch.flush();
		statementBatch.flush();
		metricsBatch.flush();
		taxBatch.flush();
	}

	private static Client renumbered(Client client, String id, int number, ClientAssignment assignment,
			Map<String, List<String>> teamPaths) {
		return new Client(id, client.name() + "（" + number + "）", uscc(client.adminDivision(), number),
				client.industry(), client.adminDivision(), client.region(), client.size(), client.lifecycleStage(),
				client.valueTier(), client.risk(), assignment.primaryManager(), assignment.coManagers(),
				assignment.managerUsernames(), assignment.orgUnits(teamPaths), client.registeredAddress(),
				client.foundedOn(), client.employees(), client.legalRepresentative(), client.sizeBasis(),
				// Version 0, as MongoTemplate's insert would set it (a bulk insert does not).
				client.onboardedOn(), client.followUp(), (client.version() != null) ? client.version() : 0L);
	}

	/** A valid USCC whose organisation code base is the client's number in the USCC alphabet: unique per number. */
	static String uscc(String adminDivision, int number) {
		StringBuilder base = new StringBuilder();
		int rest = number;
		for (int i = 0; i < 7; i++) {
			base.append(Uscc.ALPHABET.charAt(rest % Uscc.ALPHABET.length()));
			rest /= Uscc.ALPHABET.length();
		}
		// "S"-free alphabet: 'Y' marks a scaled-book code so it never equals a demo one (those start with digits or MA).
		return Uscc.of('9', '1', adminDivision, "Y" + base.reverse());
	}

	/** Documents of one collection, written in unordered bulk inserts of {@value #BATCH}. */
	private static final class Batch<T> {

		private final MongoTemplate mongoTemplate;

		private final Class<T> type;

		private final List<T> pending = new ArrayList<>(BATCH);

		Batch(MongoTemplate mongoTemplate, Class<T> type) {
			this.mongoTemplate = mongoTemplate;
			this.type = type;
		}

		void add(T document) {
			this.pending.add(document);
			if (this.pending.size() == BATCH) {
				flush();
			}
		}

		void flush() {
			if (!this.pending.isEmpty()) {
				this.mongoTemplate.bulkOps(BulkMode.UNORDERED, this.type).insert(this.pending).execute();
				this.pending.clear();
			}
		}

	}

}
