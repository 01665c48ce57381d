package com.corpbank.portal.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the store: a real MongoDB when {@code portal.store.mongodb-uri} is set, otherwise an in-process
 * MongoDB-wire-protocol server on a loopback port. Either way the real driver and Boot's own Mongo
 * auto-configuration are used; only the {@link MongoConnectionDetails} differ.
 */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

	private static final Logger log = LoggerFactory.getLogger(StoreConfiguration.class);

	@Bean(destroyMethod = "shutdown")
	@ConditionalOnExpression("'${portal.store.mongodb-uri:}'.isBlank()")
	MongoServer embeddedMongoServer(StoreProperties properties) {
		MongoBackend backend = openBackend(properties.dataDir());
		// The driver's floor is wire version 8; the server's default (3.6) is below it.
		backend.version(ServerVersion.MONGO_5_0);
		MongoServer server = new MongoServer(backend);
		server.bind("127.0.0.1", 0);
		log.info("Embedded store listening on {} ({})", server.getLocalAddress(),
				properties.dataDir() == null || properties.dataDir().isBlank() ? "in memory" : properties.dataDir());
		return server;
	}

	@Bean
	MongoConnectionDetails mongoConnectionDetails(StoreProperties properties,
			ObjectProvider<MongoServer> embeddedServer) {
		ConnectionString connectionString = properties.embedded()
				? new ConnectionString(embeddedServer.getObject().getConnectionString())
				: new ConnectionString(properties.mongodbUri());
		return () -> connectionString;
	}

	private static MongoBackend openBackend(String dataDir) {
		if (dataDir == null || dataDir.isBlank()) {
			return H2Backend.inMemory();
		}
		try {
			Path folder = Files.createDirectories(Path.of(dataDir));
			return new H2Backend(folder.resolve("portal.mv").toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the embedded store's folder " + dataDir, ex);
		}
	}

}
