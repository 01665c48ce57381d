package com.corpbank.portal.portfolio;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the as-of portfolio ({@link PortfolioAsOf}, {@code PointInTime.stagesFor}) relies on in the embedded store
 * (mongo-java-server 1.47), checked on the store alone so that an upgrade that changes it fails here, by name: a
 * plain {@code $lookup} whose array {@code $filter} and {@code $reduce} (reading {@code $$value.field}) fold into the
 * newest entry before a date, {@code $gt: [x, null]} telling a picked document from none, {@code $strLenBytes}, and
 * {@code $sum} of Decimal128 kept exact (as BigDecimal), beyond a double's 15-16 digits. A {@code $lookup} with
 * {@code let}/{@code pipeline} works too, but runs its sub-pipeline over the whole foreign collection per input
 * document (about 15 times slower than a plain one for 250 clients with 24 months each): not used.
 */
class EmbeddedStoreAggregationTest {

	private MongoServer server;

	private MongoClient client;

	private MongoDatabase database;

	@BeforeEach
	void start() {
		this.server = new MongoServer(new MemoryBackend());
		this.server.bind("127.0.0.1", 0);
		this.client = MongoClients.create(this.server.getConnectionString());
		this.database = this.client.getDatabase("probe");
		this.database.getCollection("clients")
			.insertMany(List.of(new Document("_id", "a").append("v", decimal("999999999999999.99")),
					new Document("_id", "b").append("v", decimal("0.10")),
					new Document("_id", "c").append("v", decimal("0.20"))));
		this.database.getCollection("history")
			.insertMany(List.of(entry("h1", "a", 1000, "B"), entry("h2", "a", 3000, "A"), entry("h3", "a", 5000, "C"),
					entry("h4", "b", 5000, "C")));
	}

	@AfterEach
	void stop() {
		this.client.close();
		this.server.shutdown();
	}

	@Test
	void decimalSumsStayExact() {
		Document totals = aggregate(new Document("$group", new Document("_id", null).append("sum", new Document("$sum", "$v"))
			.append("withZero", new Document("$sum", new Document("$cond", Arrays.asList(
					new Document("$eq", List.of("$_id", "c")), 0, "$v")))))).get(0);
		assertThat(totals.get("sum")).isEqualTo(decimal("1000000000000000.29"));
		assertThat(totals.get("withZero")).isEqualTo(decimal("1000000000000000.09"));
		// As doubles the same sum is off by fen.
		assertThat(new BigDecimal(999999999999999.99 + 0.10 + 0.20)).isNotEqualByComparingTo("1000000000000000.29");
	}

	@Test
	void aPlainLookupFoldsIntoTheNewestEntryBeforeADate() {
		Document matching = new Document("$filter", new Document("input", "$h").append("as", "e")
			.append("cond", new Document("$lt", List.of("$$e.at", new Date(4000)))));
		Document newer = new Document("$or", List.of(new Document("$eq", Arrays.asList("$$value", null)),
				new Document("$gt", List.of("$$this.at", "$$value.at"))));
		List<Document> rows = aggregate(
				new Document("$lookup", new Document("from", "history").append("localField", "_id")
					.append("foreignField", "clientId")
					.append("as", "h")),
				new Document("$addFields", new Document("last", new Document("$reduce", new Document("input", matching)
					.append("initialValue", null)
					.append("in", new Document("$cond", List.of(newer, "$$this", "$$value")))))),
				new Document("$project", new Document("tier", new Document("$ifNull", Arrays.asList("$last.tier", null)))
					.append("found", new Document("$gt", Arrays.asList("$last", null)))
					.append("idLength", new Document("$strLenBytes", "$_id"))),
				new Document("$sort", new Document("_id", 1)));
		assertThat(rows).containsExactly(
				new Document("_id", "a").append("tier", "A").append("found", true).append("idLength", 1),
				new Document("_id", "b").append("tier", null).append("found", false).append("idLength", 1),
				new Document("_id", "c").append("tier", null).append("found", false).append("idLength", 1));
	}

	@Test
	void maxSkipsNullsAndKeepsDocuments() {
		Document row = aggregate(new Document("$group", new Document("_id", null).append("only",
				new Document("$max", new Document("$cond", Arrays.asList(new Document("$eq", List.of("$_id", "b")),
						new Document("x", 1), null)))))).get(0);
		assertThat(row.get("only")).isEqualTo(new Document("x", 1));
	}

	private List<Document> aggregate(Document... stages) {
		return this.database.getCollection("clients").aggregate(List.of(stages)).into(new ArrayList<>());
	}

	private static Decimal128 decimal(String amount) {
		return new Decimal128(new BigDecimal(amount));
	}

	private static Document entry(String id, String clientId, long at, String tier) {
		return new Document("_id", id).append("clientId", clientId).append("at", new Date(at)).append("tier", tier);
	}

}
