package com.corpbank.portal.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

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
		MongoServer server = startEmbedded(properties.dataDir(), 0);
		log.info("Embedded store listening on {} ({})", server.getLocalAddress(),
				properties.dataDir() == null || properties.dataDir().isBlank() ? "in memory" : properties.dataDir());
		return server;
	}

	/** The embedded store on a loopback port (0: any free one), over the folder's file or in memory. */
	static MongoServer startEmbedded(@Nullable String dataDir, int port) {
		MongoBackend backend = openBackend(dataDir);
		// The driver's floor is wire version 8; the server's default (3.6) is below it.
		backend.version(ServerVersion.MONGO_5_0);
		MongoServer server = new MongoServer(backend);
		server.bind("127.0.0.1", port);
		return server;
	}

	/**
	 * Short driver timeouts, so that a store that is down fails a request in about two seconds (the driver's default
	 * server selection waits 30) and {@code StoreUnavailableExceptionResolver} answers {@code UNAVAILABLE}. A value
	 * set in the MongoDB URI itself ({@code serverSelectionTimeoutMS}, {@code connectTimeoutMS},
	 * {@code socketTimeoutMS}) wins.
	 */
	@Bean
	MongoClientSettingsBuilderCustomizer storeTimeouts(StoreProperties properties,
			MongoConnectionDetails connectionDetails) {
		ConnectionString uri = connectionDetails.getConnectionString();
		return settings -> settings
			.applyToClusterSettings(cluster -> {
				if (uri.getServerSelectionTimeout() == null) {
					cluster.serverSelectionTimeout(properties.serverSelectionTimeout().toMillis(),
							TimeUnit.MILLISECONDS);
				}
			})
			.applyToSocketSettings(socket -> {
				if (uri.getConnectTimeout() == null) {
					socket.connectTimeout(properties.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
				}
				if (uri.getSocketTimeout() == null) {
					socket.readTimeout(properties.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
				}
			});
	}

	/**
	 * Boot's conversions (the big-decimal representation of {@code spring.data.mongodb.representation}) and every
	 * {@link DocumentReader}: Boot offers no hook to add converters to its own bean, so this one replaces it.
	 */
	@Bean
	MongoCustomConversions mongoCustomConversions(DataMongoProperties properties, List<DocumentReader<?>> readers) {
		MongoCustomConversions.BigDecimalRepresentation bigDecimals = properties.getRepresentation().getBigDecimal();
		return MongoCustomConversions.create(adapter -> {
			if (bigDecimals != null) {
				adapter.bigDecimal(bigDecimals);
			}
			readers.forEach(adapter::registerConverter);
		});
	}

	@Bean
	MongoConnectionDetails mongoConnectionDetails(StoreProperties properties,
			ObjectProvider<MongoServer> embeddedServer) {
		ConnectionString connectionString = properties.embedded()
				? new ConnectionString(embeddedServer.getObject().getConnectionString())
				: new ConnectionString(properties.mongodbUri());
		return () -> connectionString;
	}

	private static MongoBackend openBackend(@Nullable String dataDir) {
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
