package com.corpbank.portal.store;

import java.math.BigDecimal;
import java.nio.file.Path;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The file-backed embedded store keeps data across a restart, and keeps decimals exact. */
class EmbeddedStorePersistenceTests {

	@TempDir
	Path dataDir;

	@Test
	void dataWrittenBeforeARestartIsThereAfterIt() {
		StoreProperties properties = new StoreProperties(null, this.dataDir.toString());
		MongoServer first = new StoreConfiguration().embeddedMongoServer(properties);
		try (MongoClient client = MongoClients.create(first.getConnectionString())) {
			clients(client).insertOne(new Document("_id", "C-1").append("name", "上海测试有限公司")
				.append("score", new Decimal128(new BigDecimal("88.10"))));
		}
		first.shutdown();

		MongoServer second = new StoreConfiguration().embeddedMongoServer(properties);
		try (MongoClient client = MongoClients.create(second.getConnectionString())) {
			Document restored = clients(client).find(new Document("_id", "C-1")).first();
			assertThat(restored).isNotNull();
			assertThat(restored.getString("name")).isEqualTo("上海测试有限公司");
			assertThat(restored.get("score", Decimal128.class).bigDecimalValue()).isEqualTo(new BigDecimal("88.10"));
		}
		finally {
			second.shutdown();
		}
	}

	@Test
	void withoutADataDirectoryTheStoreIsInMemoryOnly() {
		StoreProperties properties = new StoreProperties(null, "");
		MongoServer first = new StoreConfiguration().embeddedMongoServer(properties);
		try (MongoClient client = MongoClients.create(first.getConnectionString())) {
			clients(client).insertOne(new Document("_id", "C-1"));
		}
		first.shutdown();
		MongoServer second = new StoreConfiguration().embeddedMongoServer(properties);
		try (MongoClient client = MongoClients.create(second.getConnectionString())) {
			assertThat(clients(client).countDocuments()).isZero();
		}
		finally {
			second.shutdown();
		}
	}

	private static MongoCollection<Document> clients(MongoClient client) {
		return client.getDatabase("portal").getCollection("clients");
	}

}
