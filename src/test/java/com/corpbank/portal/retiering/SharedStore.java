package com.corpbank.portal.retiering;

import java.util.ArrayList;
import java.util.List;

import com.corpbank.portal.PortalApplication;
import com.mongodb.event.CommandListener;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One store that several service instances share, as a MongoDB deployment is shared by the instances behind a load
 * balancer: an in-memory embedded store started by the test (the backend and wire version the service's own embedded
 * store uses, see {@code StoreConfiguration}), and whole services started over it through
 * {@code portal.store.mongodb-uri}, each in its own application context with the demo book and demo model.
 */
final class SharedStore {

	/** The evaluation date of the demo book (its figures end 2026-10). */
	static final String AS_OF = "2026-11-20";

	private SharedStore() {
	}

	/** A store on a free loopback port. */
	static MongoServer start() {
		H2Backend backend = H2Backend.inMemory();
		// The driver's floor is wire version 8; the server's default (3.6) is below it.
		backend.version(ServerVersion.MONGO_5_0);
		MongoServer server = new MongoServer(backend);
		server.bind("127.0.0.1", 0);
		return server;
	}

	static String uri(MongoServer server) {
		return server.getConnectionString() + "/portal";
	}

	/**
	 * A whole service over the store at {@code uri}: the demo book and model (loaded by whichever instance finds the
	 * store empty), the demo evaluation date, chunks of {@code chunkSize}, the lease {@code lease}, sweeps only when
	 * the test calls them (after the start-up sweep), and {@code listener} on its driver.
	 */
	static ConfigurableApplicationContext service(String uri, int chunkSize, String lease, CommandListener listener,
			String... moreArgs) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--portal.store.mongodb-uri=" + uri,
				"--portal.demo-data.enabled=true", "--portal.tiering.as-of=" + AS_OF,
				"--portal.retiering.chunk-size=" + chunkSize, "--portal.retiering.lease=" + lease,
				"--portal.audit.sweep-interval=PT1H"));
		args.addAll(List.of(moreArgs));
		// Command-line arguments, not builder properties: application.yml overrides those (see ServiceRestartTests).
		return new SpringApplicationBuilder(PortalApplication.class)
			.initializers(context -> context.getBeanFactory()
				.registerSingleton("runnerWatch",
						(MongoClientSettingsBuilderCustomizer) settings -> settings.addCommandListener(listener)))
			.run(args.toArray(String[]::new));
	}

}
