package com.corpbank.portal.support;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh in-memory embedded store and a driver client on it for each test, without a Spring context:
 * {@code @RegisterExtension final InMemoryStore store = new InMemoryStore();}.
 */
public final class InMemoryStore implements BeforeEachCallback, AfterEachCallback {

	private MongoServer server;

	private MongoClient client;

	@Override
	public void beforeEach(ExtensionContext context) {
		this.server = new MongoServer(new MemoryBackend());
		this.server.bind("127.0.0.1", 0);
		this.client = MongoClients.create(this.server.getConnectionString());
	}

	@Override
	public void afterEach(ExtensionContext context) {
		this.client.close();
		this.server.shutdown();
	}

	public MongoClient client() {
		return this.client;
	}

}
