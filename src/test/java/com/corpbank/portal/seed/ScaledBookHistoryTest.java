package com.corpbank.portal.seed;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.corpbank.portal.assignment.AssignmentHistoryEntry;
import com.corpbank.portal.client.Client;
import com.corpbank.portal.contact.Contact;
import com.corpbank.portal.financials.FinancialStatement;
import com.corpbank.portal.interaction.Interaction;
import com.corpbank.portal.manager.RelationshipManager;
import com.corpbank.portal.metrics.RelationshipMetrics;
import com.corpbank.portal.risk.RiskHistoryEntry;
import com.corpbank.portal.tax.TaxRecord;
import com.corpbank.portal.tier.TierReason;
import com.corpbank.portal.tiering.TierEvaluation;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scaled book of 700 clients (two whole blocks and part of a third) has the demo's relationship work and the
 * histories the service keeps: counts per collection, every reference resolves, the tier history ends in each client's
 * current tier, and the same seed writes the same histories. One book (seed 5) is written once and only read.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScaledBookHistoryTest {

	private static final int CLIENTS = 700;

	private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	private MongoServer server;

	private MongoClient client;

	private MongoTemplate mongoTemplate;

	/** What the one book every read-only test reads (seed 5) said it wrote. */
	private ScaledBook.Written written;

	@BeforeAll
	void writeTheBook() {
		this.server = new MongoServer(new MemoryBackend());
		this.server.bind("127.0.0.1", 0);
		this.client = MongoClients.create(this.server.getConnectionString());
		this.mongoTemplate = DemoDataLoaderTest.mongoTemplate(this.client);
		this.written = ScaledBook.write(this.mongoTemplate, CLIENTS, 5L);
	}

	@AfterAll
	void stopStore() {
		this.client.close();
		this.server.shutdown();
	}

	@Test
	void countsPerCollectionAgreeWithWhatTheBookSaysItWrote() {
		ScaledBook.Written written = this.written;

		assertThat(written.clients()).isEqualTo(CLIENTS).isEqualTo(count(Client.class));
		assertThat(written.statements()).isEqualTo(CLIENTS * 4L).isEqualTo(count(FinancialStatement.class));
		assertThat(written.metrics()).isEqualTo(CLIENTS * 24L).isEqualTo(count(RelationshipMetrics.class));
		assertThat(written.taxRecords()).isEqualTo(CLIENTS * 3L).isEqualTo(count(TaxRecord.class));
		assertThat(written.contacts()).isEqualTo(count(Contact.class)).isBetween((long) CLIENTS, CLIENTS * 3L);
		// A year of contact days: about monthly for A clients, quarterly for C.
		assertThat(written.interactions()).isEqualTo(count(Interaction.class)).isBetween(CLIENTS * 3L, CLIENTS * 12L);
		assertThat(written.tierHistory()).isEqualTo(count(TierEvaluation.class));
		assertThat(written.riskHistory()).isEqualTo(count(RiskHistoryEntry.class)).isPositive();
		assertThat(written.assignmentHistory()).isEqualTo(count(AssignmentHistoryEntry.class)).isPositive();
		assertThat(written.managers()).isEqualTo(6);

		List<Client> clients = this.mongoTemplate.findAll(Client.class);
		long tiered = clients.stream().filter(client -> client.valueTier() != null).count();
		assertThat(written.tierHistory()).isEqualTo(2 * tiered);
		long rated = clients.stream().filter(client -> client.risk() != null).count();
		assertThat(written.riskHistory()).isBetween(rated / 10, rated * 3 / 10);
	}

	@Test
	void tierHistoryEndsInEachClientsCurrentTierWithMoversBetweenTheTwoDates() {
		Map<String, List<TierEvaluation>> history = this.mongoTemplate.findAll(TierEvaluation.class)
			.stream()
			.collect(Collectors.groupingBy(TierEvaluation::clientId));
		int moved = 0;
		int up = 0;
		for (Client client : this.mongoTemplate.findAll(Client.class)) {
			List<TierEvaluation> entries = history.getOrDefault(client.id(), List.of());
			if (client.valueTier() == null) {
				assertThat(entries).as(client.id()).isEmpty();
				continue;
			}
			assertThat(entries).as(client.id()).hasSize(2);
			List<TierEvaluation> ordered = entries.stream()
				.sorted(Comparator.comparing(TierEvaluation::evaluatedAt))
				.toList();
			TierEvaluation first = ordered.get(0);
			TierEvaluation latest = ordered.get(1);
			assertThat(first.reason()).isEqualTo(TierReason.INITIAL);
			assertThat(first.previousTier()).isNull();
			assertThat(first.asOf()).isEqualTo(ScaledBook.EARLIER_TIERING);
			assertThat(latest.tier()).as(client.id()).isEqualTo(client.valueTier().tier());
			assertThat(latest.score()).as(client.id()).isEqualByComparingTo(client.valueTier().score());
			assertThat(latest.asOf()).isEqualTo(client.valueTier().evaluatedOn());
			assertThat(latest.previousTier()).isEqualTo(first.tier());
			assertThat(latest.previousScore()).isEqualByComparingTo(first.score());
			assertThat(latest.reason()).isEqualTo(latest.score().compareTo(first.score()) >= 0 ? TierReason.SCORE_UP
					: TierReason.SCORE_DOWN);
			if (first.tier() != latest.tier()) {
				moved++;
				// A < B < C in the enum: a smaller ordinal is the better tier.
				up += (latest.tier().ordinal() < first.tier().ordinal()) ? 1 : 0;
			}
		}
		assertThat(moved).isBetween(CLIENTS * 5 / 100, CLIENTS * 30 / 100);
		assertThat(up).isPositive().isLessThan(moved);
	}

	@Test
	void contactsAndInteractionsAreTheClientsOwnByItsCurrentRm() {
		Map<String, Client> clients = byId(this.mongoTemplate.findAll(Client.class), Client::id);
		Set<String> managers = this.mongoTemplate.findAll(RelationshipManager.class)
			.stream()
			.map(RelationshipManager::username)
			.collect(Collectors.toSet());
		Map<String, Contact> contacts = byId(this.mongoTemplate.findAll(Contact.class), Contact::id);
		contacts.values().forEach(contact -> {
			assertThat(clients).as(contact.id()).containsKey(contact.clientId());
			assertThat(contact.createdBy()).isEqualTo(clients.get(contact.clientId()).primaryManager());
		});
		assertThat(contacts.values().stream().map(Contact::clientId).distinct().count()).isEqualTo(CLIENTS);

		Map<String, Interaction> interactions = byId(this.mongoTemplate.findAll(Interaction.class), Interaction::id);
		for (Interaction interaction : interactions.values()) {
			Client client = clients.get(interaction.clientId());
			assertThat(client).as(interaction.id()).isNotNull();
			assertThat(managers).contains(interaction.recordedBy());
			// No co-RMs in a scaled book: the primary RM recorded every interaction.
			assertThat(interaction.managers()).containsExactly(client.primaryManager());
			assertThat(interaction.recordedBy()).isEqualTo(client.primaryManager());
			assertThat(interaction.recordedBySubject())
				.isEqualTo(DemoDirectory.get().person(client.primaryManager()).id());
			assertThat(interaction.contactIds()).isNotEmpty()
				.allSatisfy(contactId -> assertThat(contacts.get(contactId).clientId()).isEqualTo(client.id()));
		}
		// The open follow-up each client's interactions leave is due from its RM and names one of its interactions.
		for (Client client : clients.values()) {
			assertThat(client.followUp()).as(client.id()).isNotNull();
			assertThat(client.followUp().rmUsername()).isEqualTo(client.primaryManager());
			if (client.followUp().lastInteractionId() != null) {
				assertThat(interactions.get(client.followUp().lastInteractionId()).clientId()).isEqualTo(client.id());
			}
		}
	}

	@Test
	void reRatingsAndHandoversAgreeWithTheClient() {
		Map<String, Client> clients = byId(this.mongoTemplate.findAll(Client.class), Client::id);
		for (RiskHistoryEntry entry : this.mongoTemplate.findAll(RiskHistoryEntry.class)) {
			Client client = clients.get(entry.clientId());
			assertThat(entry.grade()).as(entry.id()).isEqualTo(client.risk());
			assertThat(entry.previous()).isNotNull();
			assertThat(Math.abs(entry.previous().rating().ordinal() - entry.grade().rating().ordinal())).isEqualTo(1);
			assertThat(entry.changedAt().atZone(BEIJING).toLocalDate()).isEqualTo(client.risk().ratedOn());
		}
		for (AssignmentHistoryEntry entry : this.mongoTemplate.findAll(AssignmentHistoryEntry.class)) {
			Client client = clients.get(entry.clientId());
			assertThat(entry.primaryManager()).as(entry.id()).isEqualTo(client.primaryManager());
			assertThat(entry.previous().primaryManager()).isNotEqualTo(client.primaryManager());
			LocalDate from = entry.from().atZone(BEIJING).toLocalDate();
			assertThat(from).isAfter(client.onboardedOn()).isBefore(RelationshipWork.WINDOW_FROM.plusDays(1));
		}
	}

	@Test
	void everyClientCarriesThePortfolioCopyOfItsLatestFigures() {
		Map<String, List<FinancialStatement>> statements = this.mongoTemplate.findAll(FinancialStatement.class)
			.stream()
			.collect(Collectors.groupingBy(FinancialStatement::clientId));
		Map<String, List<RelationshipMetrics>> months = this.mongoTemplate.findAll(RelationshipMetrics.class)
			.stream()
			.collect(Collectors.groupingBy(RelationshipMetrics::clientId));
		for (org.bson.Document client : this.mongoTemplate.getCollection("clients").find()) {
			String id = client.getString("_id");
			org.bson.Document figures = client.get("figures", org.bson.Document.class);
			assertThat(figures).as(id).isNotNull();
			FinancialStatement latest = statements.get(id)
				.stream()
				.filter(statement -> statement.period().matches("\\d{4}"))
				.max(Comparator.comparing(FinancialStatement::periodEnd))
				.orElseThrow();
			org.bson.Document revenue = figures.get("revenue", org.bson.Document.class);
			assertThat(revenue.getString("period")).as(id).isEqualTo(latest.period());
			assertThat(revenue.get("amount", org.bson.types.Decimal128.class).bigDecimalValue())
				.isEqualByComparingTo(latest.revenue());
			RelationshipMetrics newest = months.get(id)
				.stream()
				.max(Comparator.comparing(RelationshipMetrics::monthStart))
				.orElseThrow();
			org.bson.Document metrics = figures.get("metrics", org.bson.Document.class);
			assertThat(metrics.getString("month")).as(id).isEqualTo(newest.month());
			assertThat(metrics.get("averageDeposits", org.bson.Document.class)
				.get("amount", org.bson.types.Decimal128.class)
				.bigDecimalValue()).isEqualByComparingTo(newest.averageDeposits());
		}
	}

	@Test
	void theSameSeedWritesTheSameHistoriesAndAnotherSeedAnotherBook() {
		// A store of its own: the shared book stays as the other tests read it.
		MongoServer own = new MongoServer(new MemoryBackend());
		own.bind("127.0.0.1", 0);
		try (MongoClient ownClient = MongoClients.create(own.getConnectionString())) {
			MongoTemplate store = DemoDataLoaderTest.mongoTemplate(ownClient);
			Snapshot first = snapshot(this.mongoTemplate);
			ScaledBook.write(store, CLIENTS, 5L);
			Snapshot again = snapshot(store);
			assertThat(again.interactions()).containsExactlyElementsOf(first.interactions());
			assertThat(again.contacts()).containsExactlyElementsOf(first.contacts());
			assertThat(again.tiers()).containsExactlyElementsOf(first.tiers());
			assertThat(again.ratings()).containsExactlyElementsOf(first.ratings());
			assertThat(again.handovers()).containsExactlyElementsOf(first.handovers());

			for (String collection : store.getCollectionNames()) {
				store.remove(new Query(), collection);
			}
			ScaledBook.write(store, CLIENTS, 6L);
			assertThat(snapshot(store).interactions()).isNotEqualTo(first.interactions());
		}
		finally {
			own.shutdown();
		}
	}

	private record Snapshot(List<Interaction> interactions, List<Contact> contacts, List<TierEvaluation> tiers,
			List<RiskHistoryEntry> ratings, List<AssignmentHistoryEntry> handovers) {
	}

	private static Snapshot snapshot(MongoTemplate store) {
		return new Snapshot(sorted(store, Interaction.class, Interaction::id), sorted(store, Contact.class, Contact::id),
				sorted(store, TierEvaluation.class, TierEvaluation::id),
				sorted(store, RiskHistoryEntry.class, RiskHistoryEntry::id),
				sorted(store, AssignmentHistoryEntry.class, AssignmentHistoryEntry::id));
	}

	private static <T> List<T> sorted(MongoTemplate store, Class<T> type, Function<T, String> id) {
		return store.findAll(type).stream().sorted(Comparator.comparing(id)).toList();
	}

	private static <T> Map<String, T> byId(List<T> documents, Function<T, String> id) {
		return documents.stream().collect(Collectors.toMap(id, Function.identity()));
	}

	private long count(Class<?> type) {
		return this.mongoTemplate.count(new Query(), type);
	}

}
