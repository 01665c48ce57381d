package com.corpbank.portal.seed;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.function.UnaryOperator;

import com.corpbank.portal.BankTime;
import com.corpbank.portal.assignment.AssignmentHistoryEntry;
import com.corpbank.portal.assignment.AssignmentSnapshot;
import com.corpbank.portal.client.Client;
import com.corpbank.portal.client.ClientAssignment;
import com.corpbank.portal.client.EnterpriseSizeClassifier;
import com.corpbank.portal.client.Uscc;
import com.corpbank.portal.contact.Contact;
import com.corpbank.portal.financials.FinancialStatement;
import com.corpbank.portal.industry.IndustryCatalog;
import com.corpbank.portal.interaction.Interaction;
import com.corpbank.portal.manager.RelationshipManager;
import com.corpbank.portal.metrics.RelationshipMetrics;
import com.corpbank.portal.org.OrgUnit;
import com.corpbank.portal.portfolio.ClientFigureCopies;
import com.corpbank.portal.risk.CreditRating;
import com.corpbank.portal.risk.RiskGrade;
import com.corpbank.portal.risk.RiskHistoryEntry;
import com.corpbank.portal.tax.TaxRecord;
import com.corpbank.portal.tier.TierReason;
import com.corpbank.portal.tier.ValueTier;
import com.corpbank.portal.tier.ValueTierCode;
import com.corpbank.portal.tiering.InputsAsOf;
import com.corpbank.portal.tiering.TierEvaluation;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A book of any size shaped like the demo, for benchmarks and the dataset command: N clients with their four annual
 * statements, 24 months of relationship figures, three tax years, contacts, a year of interactions and the open
 * follow-up they leave, a tier history, and for some clients a re-rating and an earlier handover (no surveys or
 * complaints). The book is written in blocks of {@value DemoDataGenerator#CLIENT_COUNT} clients, each the demo
 * generator's book from its own seed (so each block has the demo's mix of tiers, stages, churn patterns and tier
 * movers), renumbered {@code C000001..} in order, with the primary RM taken round-robin from the demo RMs (no co-RMs)
 * and a USCC made from the client's number (unique however large the book).
 *
 * <p>The histories the demo generator does not make (the demo gets its tier history from its first batch run) come
 * from a stream of their own per block ({@link #histories}), shaped as the service writes them:
 * <ul>
 * <li><b>tier history</b>: every tiered client has a first evaluation ({@code INITIAL}) as of {@link #EARLIER_TIERING}
 * and one as of the client's own evaluation date (2026-06-30) that is exactly its current tier and score; about
 * {@value #TIER_MOVED_PERCENT}% were in the neighbouring tier before, so a migration matrix between the two dates has
 * movers in every direction the tiers allow;</li>
 * <li><b>risk history</b>: about {@value #RERATED_PERCENT}% of rated clients were re-rated on their {@code ratedOn}
 * from a grade one notch away;</li>
 * <li><b>assignment history</b>: about {@value #HANDED_OVER_PERCENT}% of clients onboarded early enough were handed
 * over to their RM from the next RM of the round before the year of interactions starts (so every interaction is
 * still their current RM's).</li>
 * </ul>
 *
 * <p>Memory stays flat in N: one block is held at a time and documents go out in unordered bulk inserts of
 * {@value #BATCH}. The org tree and RMs of the demo directory are written first when the store has none. The same
 * seed and size write the same book.
 */
public final class ScaledBook {

	/** Documents per unordered bulk insert. */
	static final int BATCH = 1_000;

	/** The date of every tiered client's first evaluation; the second is the client's own (2026-06-30). */
	static final LocalDate EARLIER_TIERING = LocalDate.of(2025, 12, 31);

	static final int TIER_MOVED_PERCENT = 15;

	static final int RERATED_PERCENT = 20;

	static final int HANDED_OVER_PERCENT = 8;

	/** When the figure copies were derived: a fixed instant, so the same seed writes the same book. */
	private static final Instant FIGURES_DERIVED_AT = Instant.parse("2026-11-20T00:00:00Z");

	private static final String TIERED_BY = "admin";

	private static final String RATED_BY = "risk_zhou";

	private ScaledBook() {
	}

	/** Documents written, per collection (org units and RMs only when the store had none). */
	public record Written(long orgUnits, long managers, long clients, long statements, long metrics, long taxRecords,
			long contacts, long interactions, long tierHistory, long riskHistory, long assignmentHistory) {
	}

	/**
	 * @param mongoTemplate an empty store (or one without these client ids)
	 * @param clients how many clients to write
	 * @param seed the book's seed: the same seed and size write the same book
	 */
	public static Written write(MongoTemplate mongoTemplate, int clients, long seed) {
		return write(mongoTemplate, clients, seed, written -> {
		});
	}

	/**
	 * @param progress told the number of clients written after each block (every
	 * {@value DemoDataGenerator#CLIENT_COUNT} clients; their documents may still sit in a batch)
	 */
	public static Written write(MongoTemplate mongoTemplate, int clients, long seed, IntConsumer progress) {
		DemoDataGenerator generator = new DemoDataGenerator(new IndustryCatalog(), new EnterpriseSizeClassifier());
		List<OrgUnit> units = DemoDirectory.get().units();
		List<RelationshipManager> managers = DemoDirectory.get().managers();
		Map<String, List<String>> teamPaths = DemoDataGenerator.teamPathByManager(units);
		long orgUnits = 0;
		long rms = 0;
		if (!mongoTemplate.exists(new Query(), OrgUnit.class)) {
			mongoTemplate.insertAll(units);
			orgUnits = units.size();
		}
		if (!mongoTemplate.exists(new Query(), RelationshipManager.class)) {
			mongoTemplate.insertAll(managers);
			rms = managers.size();
		}
		// Clients go out as documents: each with the portfolio's copy of its latest figures (ClientFigureCopies), which
		// the service would otherwise derive at its next start with a pass over the whole book.
		Batch<Document> clientBatch = new Batch<>(mongoTemplate, Document.class,
				mongoTemplate.getCollectionName(Client.class));
		Batch<FinancialStatement> statementBatch = new Batch<>(mongoTemplate, FinancialStatement.class);
		Batch<RelationshipMetrics> metricsBatch = new Batch<>(mongoTemplate, RelationshipMetrics.class);
		Batch<TaxRecord> taxBatch = new Batch<>(mongoTemplate, TaxRecord.class);
		Batch<Contact> contactBatch = new Batch<>(mongoTemplate, Contact.class);
		Batch<Interaction> interactionBatch = new Batch<>(mongoTemplate, Interaction.class);
		Batch<TierEvaluation> tierBatch = new Batch<>(mongoTemplate, TierEvaluation.class);
		Batch<RiskHistoryEntry> riskBatch = new Batch<>(mongoTemplate, RiskHistoryEntry.class);
		Batch<AssignmentHistoryEntry> assignmentBatch = new Batch<>(mongoTemplate, AssignmentHistoryEntry.class);
		int written = 0;
		for (long block = 0; written < clients; block++) {
			// Blocks 10 apart: each generate() draws from seed, seed + 1 .. seed + 3 (seed + 4, surveys and complaints,
			// is left out), and the histories below from seed + 5.
			long blockSeed = seed + 10 * block;
			int firstNumber = written + 1;
			// Each client's new number, RM and teams before its relationship work: contacts, interactions and the
			// follow-up are then the new client's, by its new RM.
			UnaryOperator<Client> reassign = client -> {
				int number = firstNumber + demoIndex(client.id());
				String primary = managers.get((number - 1) % managers.size()).username();
				return renumbered(client, "C%06d".formatted(number), number,
						new ClientAssignment(primary, List.of()), teamPaths);
			};
			DemoData data = generator.generate(blockSeed, true, reassign);
			Map<String, String> newIds = new HashMap<>();
			List<Client> kept = new ArrayList<>();
			for (Client client : data.clients()) {
				if (written == clients) {
					break;
				}
				written++;
				newIds.put("C%06d".formatted(kept.size() + 1), client.id());
				kept.add(client);
			}
			Map<String, FinancialStatement> latestAnnual = new HashMap<>();
			Map<String, RelationshipMetrics> newestMonth = new HashMap<>();
			Set<String> keptIds = new HashSet<>(newIds.values());
			for (FinancialStatement statement : data.statements()) {
				String id = newIds.get(statement.clientId());
				if (id != null) {
					statementBatch.add(new FinancialStatement(id + "-" + statement.period(), id, statement.period(),
							statement.periodEnd(), statement.currency(), statement.revenue(), statement.netProfit(),
							statement.totalAssets(), statement.totalLiabilities(), statement.currentAssets(),
							statement.currentLiabilities(), statement.operatingCashFlow(), statement.taxPaid(),
							statement.employees()));
					if (ClientFigureCopies.isAnnualPeriod(statement.period())) {
						latestAnnual.merge(id, statement, (a, b) -> a.periodEnd().isAfter(b.periodEnd()) ? a : b);
					}
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
					newestMonth.merge(id, month, (a, b) -> a.monthStart().isAfter(b.monthStart()) ? a : b);
				}
			}
			for (Client client : kept) {
				Document document = toDocument(mongoTemplate, client);
				document.put(ClientFigureCopies.FIELD,
						ClientFigureCopies.copyOf(toDocument(mongoTemplate, latestAnnual.get(client.id())),
								toDocument(mongoTemplate, newestMonth.get(client.id())), FIGURES_DERIVED_AT));
				clientBatch.add(document);
			}
			for (TaxRecord record : data.taxRecords()) {
				String id = newIds.get(record.clientId());
				if (id != null) {
					taxBatch.add(new TaxRecord(TaxRecord.idOf(id, record.year()), id, record.year(), record.taxPaid(),
							record.creditGrade(), record.recordedAt(), record.recordedBy(), record.version()));
				}
			}
			// Contacts and interactions already carry the new ids (made after the reassignment).
			data.contacts().stream().filter(contact -> keptIds.contains(contact.clientId())).forEach(contactBatch::add);
			data.interactions()
				.stream()
				.filter(interaction -> keptIds.contains(interaction.clientId()))
				.forEach(interactionBatch::add);
			Random histories = new Random(blockSeed + 5);
			for (Client client : kept) {
				tierHistory(histories, client).forEach(tierBatch::add);
				reRating(histories, client).ifPresent(riskBatch::add);
				handover(histories, client, managers).ifPresent(assignmentBatch::add);
			}
			progress.accept(written);
		}
		List<Batch<?>> batches = List.of(clientBatch, statementBatch, metricsBatch, taxBatch, contactBatch,
				interactionBatch, tierBatch, riskBatch, assignmentBatch);
		batches.forEach(Batch::flush);
		return new Written(orgUnits, rms, clientBatch.count, statementBatch.count, metricsBatch.count, taxBatch.count,
				contactBatch.count, interactionBatch.count, tierBatch.count, riskBatch.count, assignmentBatch.count);
	}

	/** A document as the template would store it (null for null). */
	private static @Nullable Document toDocument(MongoTemplate mongoTemplate, @Nullable Object entity) {
		if (entity == null) {
			return null;
		}
		Document document = new Document();
		mongoTemplate.getConverter().write(entity, document);
		return document;
	}

	/** The position of a demo client in its block, from its demo id C000001..C000336. */
	private static int demoIndex(String demoId) {
		return Integer.parseInt(demoId.substring(1)) - 1;
	}

	/**
	 * A tiered client's two evaluations: {@code INITIAL} as of {@link #EARLIER_TIERING} (in the neighbouring tier for
	 * about {@value #TIER_MOVED_PERCENT}%), then its current tier and score as of its evaluation date. An untiered
	 * client (a prospect) has none.
	 */
	static List<TierEvaluation> tierHistory(Random random, Client client) {
		ValueTier current = client.valueTier();
		if (current == null) {
			return List.of();
		}
		ValueTierCode earlierTier = current.tier();
		if (random.nextInt(100) < TIER_MOVED_PERCENT) {
			earlierTier = neighbour(random, current.tier());
		}
		BigDecimal earlierScore = scoreIn(random, earlierTier);
		LocalDate evaluatedOn = (current.evaluatedOn() != null) ? current.evaluatedOn()
				: DemoDataGenerator.TIER_EVALUATED_ON;
		TierEvaluation first = new TierEvaluation("TH-" + client.id() + "-1", client.id(), earlierTier, earlierTier,
				earlierScore, current.modelVersion(), batchTime(EARLIER_TIERING), EARLIER_TIERING, List.of(),
				inputsAsOf(EARLIER_TIERING, client), null, null, null, TierReason.INITIAL, null,
				client.lifecycleStage(), null, TIERED_BY, null);
		// Never an unchanged score: the service writes an entry only when something changed.
		BigDecimal score = current.score();
		TierReason reason = (score.compareTo(earlierScore) >= 0) ? TierReason.SCORE_UP : TierReason.SCORE_DOWN;
		TierEvaluation second = new TierEvaluation("TH-" + client.id() + "-2", client.id(), current.tier(),
				current.tier(), score, current.modelVersion(), batchTime(evaluatedOn), evaluatedOn, List.of(),
				inputsAsOf(evaluatedOn, client), earlierTier, earlierScore, current.modelVersion(), reason, null,
				client.lifecycleStage(), client.lifecycleStage(), TIERED_BY, null);
		return List.of(first, second);
	}

	private static ValueTierCode neighbour(Random random, ValueTierCode tier) {
		return switch (tier) {
			case A -> ValueTierCode.B;
			case C -> ValueTierCode.B;
			case B -> random.nextBoolean() ? ValueTierCode.A : ValueTierCode.C;
		};
	}

	/** A score with two decimals inside the tier's band (A from 80, B 60 to 80, C below 60), never equal to another. */
	private static BigDecimal scoreIn(Random random, ValueTierCode tier) {
		int low = switch (tier) {
			case A -> 80;
			case B -> 60;
			case C -> 30;
		};
		int span = (tier == ValueTierCode.C) ? 30 : 20;
		return BigDecimal.valueOf(low * 100L + random.nextInt(span * 100), 2);
	}

	/** The inputs a batch on that date would read: last year's statement, last month's figures, last tax year. */
	private static InputsAsOf inputsAsOf(LocalDate asOf, Client client) {
		LocalDate lastMonth = asOf.minusMonths(1);
		return new InputsAsOf(String.valueOf(asOf.getYear() - 1), YearMonth.from(lastMonth).toString(),
				asOf.getYear() - 1, (client.risk() != null && !client.risk().ratedOn().isAfter(asOf))
						? client.risk().ratedOn() : null);
	}

	/** A quarter's batch runs the night after its as-of date, Beijing time. */
	private static Instant batchTime(LocalDate asOf) {
		return asOf.plusDays(1).atTime(2, 0).atZone(BankTime.ZONE).toInstant();
	}

	/** About {@value #RERATED_PERCENT}% of rated clients: re-rated on their {@code ratedOn} from one notch away. */
	static Optional<RiskHistoryEntry> reRating(Random random, Client client) {
		RiskGrade grade = client.risk();
		if (grade == null || random.nextInt(100) >= RERATED_PERCENT) {
			return Optional.empty();
		}
		CreditRating[] ratings = CreditRating.values();
		int index = grade.rating().ordinal();
		int before = (index == 0) ? 1 : (index == ratings.length - 1) ? index - 1
				: index + (random.nextBoolean() ? 1 : -1);
		RiskGrade previous = new RiskGrade(ratings[before], grade.fiveCategory(), grade.ratedOn().minusYears(1));
		Instant changedAt = grade.ratedOn().atTime(10, 0).atZone(BankTime.ZONE).toInstant();
		return Optional.of(new RiskHistoryEntry("RH-" + client.id() + "-1", client.id(), grade, previous, changedAt,
				RATED_BY, "年度复评 / Annual re-rating", 0L));
	}

	/**
	 * About {@value #HANDED_OVER_PERCENT}% of clients onboarded before 2024-07-01: handed over from the next RM of the
	 * round to their RM on a day between 90 days after onboarding and the start of the year of interactions.
	 */
	static Optional<AssignmentHistoryEntry> handover(Random random, Client client,
			List<RelationshipManager> managers) {
		LocalDate onboarded = client.onboardedOn();
		if (onboarded == null || !onboarded.isBefore(LocalDate.of(2024, 7, 1))
				|| random.nextInt(100) >= HANDED_OVER_PERCENT) {
			return Optional.empty();
		}
		LocalDate earliest = onboarded.plusDays(90);
		long days = RelationshipWork.WINDOW_FROM.toEpochDay() - earliest.toEpochDay();
		LocalDate from = earliest.plusDays(random.nextLong(days));
		int index = 0;
		while (!managers.get(index).username().equals(client.primaryManager())) {
			index++;
		}
		String before = managers.get((index + 1) % managers.size()).username();
		String changedBy = "mgr_he";
		return Optional.of(new AssignmentHistoryEntry("AH-" + client.id() + "-1", client.id(),
				client.primaryManager(), List.of(), new AssignmentSnapshot(before, List.of()),
				from.atTime(9, 30).atZone(BankTime.ZONE).toInstant(), changedBy, "岗位调整 / Portfolio rebalancing", 0L));
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

		private final String collection;

		private final List<T> pending = new ArrayList<>(BATCH);

		private long count;

		Batch(MongoTemplate mongoTemplate, Class<T> type) {
			this(mongoTemplate, type, mongoTemplate.getCollectionName(type));
		}

		Batch(MongoTemplate mongoTemplate, Class<T> type, String collection) {
			this.mongoTemplate = mongoTemplate;
			this.type = type;
			this.collection = collection;
		}

		void add(T document) {
			this.pending.add(document);
			this.count++;
			if (this.pending.size() == BATCH) {
				flush();
			}
		}

		void flush() {
			if (!this.pending.isEmpty()) {
				this.mongoTemplate.bulkOps(BulkMode.UNORDERED, this.type, this.collection).insert(this.pending).execute();
				this.pending.clear();
			}
		}

	}

}
