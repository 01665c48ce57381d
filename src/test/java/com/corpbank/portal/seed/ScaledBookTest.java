package com.corpbank.portal.seed;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.corpbank.portal.client.Client;
import com.corpbank.portal.client.LifecycleStage;
import com.corpbank.portal.client.Uscc;
import com.corpbank.portal.financials.FinancialStatement;
import com.corpbank.portal.manager.RelationshipManager;
import com.corpbank.portal.metrics.RelationshipMetrics;
import com.corpbank.portal.org.OrgUnit;
import com.corpbank.portal.tax.TaxRecord;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/** A scaled book of 2,000 clients: counts, ids, RMs round-robin, unique valid USCCs, and the demo's shape. */
class ScaledBookTest {

	private static final int CLIENTS = 2_000;

	private MongoServer server;

	private MongoClient client;

	private MongoTemplate mongoTemplate;

	@BeforeEach
	void startStore() {
		// The in-memory backend: this test is about the book, not about the store's persistence.
		this.server = new MongoServer(new MemoryBackend());
		this.server.bind("127.0.0.1", 0);
		this.client = MongoClients.create(this.server.getConnectionString());
		this.mongoTemplate = DemoDataLoaderTest.mongoTemplate(this.client);
	}

	@AfterEach
	void stopStore() {
		this.client.close();
		this.server.shutdown();
	}

	@Test
	void twoThousandClientsWithTheirStatementsMonthsAndTaxYears() {
		ScaledBook.write(this.mongoTemplate, CLIENTS, 7L);

		assertThat(count(Client.class)).isEqualTo(CLIENTS);
		assertThat(count(FinancialStatement.class)).isEqualTo(CLIENTS * 4L);
		assertThat(count(RelationshipMetrics.class)).isEqualTo(CLIENTS * 24L);
		assertThat(count(TaxRecord.class)).isEqualTo(CLIENTS * 3L);
		assertThat(count(OrgUnit.class)).isEqualTo(10);
		assertThat(count(RelationshipManager.class)).isEqualTo(6);

		List<Client> clients = this.mongoTemplate.findAll(Client.class);
		Set<String> ids = new HashSet<>();
		Set<String> usccs = new HashSet<>();
		Map<String, Integer> perManager = new HashMap<>();
		for (Client client : clients) {
			ids.add(client.id());
			assertThat(Uscc.isValid(client.uscc())).as(client.uscc()).isTrue();
			usccs.add(client.uscc());
			perManager.merge(client.primaryManager(), 1, Integer::sum);
			assertThat(client.coManagers()).isEmpty();
			assertThat(client.orgUnits()).contains("HO");
			assertThat(client.onboardedOn()).isNotNull();
		}
		assertThat(ids).contains("C000001", "C002000").hasSize(CLIENTS);
		assertThat(usccs).hasSize(CLIENTS);
		assertThat(perManager).hasSize(6).allSatisfy((manager, count) -> assertThat(count).isBetween(333, 334));
		assertThat(this.mongoTemplate.findById("C000001", Client.class).primaryManager()).isEqualTo("rm_li");
		assertThat(this.mongoTemplate.findById("C000007", Client.class).primaryManager()).isEqualTo("rm_li");

		// The demo's shape: every block has prospects without products, and clients past the first block have
		// their own months and tax years.
		List<String> prospects = clients.stream()
			.filter(client -> client.lifecycleStage() == LifecycleStage.PROSPECT)
			.map(Client::id)
			.toList();
		assertThat(prospects).hasSizeGreaterThan(CLIENTS / 40);
		assertThat(this.mongoTemplate.count(
				new Query(Criteria.where("clientId").in(prospects).and("productsHeld").gt(0)),
				RelationshipMetrics.class)).isZero();
		assertThat(this.mongoTemplate.count(new Query(Criteria.where("clientId").is("C001999")),
				RelationshipMetrics.class)).isEqualTo(24);
		assertThat(this.mongoTemplate.count(new Query(Criteria.where("clientId").is("C001999")), TaxRecord.class))
			.isEqualTo(3);
	}

	@Test
	void theSameSeedWritesTheSameBook() {
		ScaledBook.write(this.mongoTemplate, 400, 11L);
		List<Client> first = this.mongoTemplate.findAll(Client.class);
		List<RelationshipMetrics> firstMonths = this.mongoTemplate.find(
				new Query(Criteria.where("clientId").is("C000380")), RelationshipMetrics.class);
		for (String collection : this.mongoTemplate.getCollectionNames()) {
			this.mongoTemplate.remove(new Query(), collection);
		}
		ScaledBook.write(this.mongoTemplate, 400, 11L);
		assertThat(this.mongoTemplate.findAll(Client.class)).usingRecursiveFieldByFieldElementComparatorIgnoringFields(
				"version")
			.containsExactlyInAnyOrderElementsOf(first);
		assertThat(this.mongoTemplate.find(new Query(Criteria.where("clientId").is("C000380")),
				RelationshipMetrics.class)).containsExactlyInAnyOrderElementsOf(firstMonths);
	}

	private long count(Class<?> type) {
		return this.mongoTemplate.count(new Query(), type);
	}

}
