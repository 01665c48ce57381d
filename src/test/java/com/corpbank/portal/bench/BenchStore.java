package com.corpbank.portal.bench;

import java.util.concurrent.CountDownLatch;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * The embedded store (mongo-java-server, in-memory backend) in a process of its own, for benchmarks: the service
 * under test then reaches it over a socket like a real MongoDB, and the service's heap holds only the service.
 * Prints {@code READY <port>} once it listens; runs until SIGTERM.
 *
 * <p>Usage: {@code java -cp <test classpath> com.corpbank.portal.bench.BenchStore [port]}
 */
public final class BenchStore {

	private BenchStore() {
	}

	public static void main(String[] args) throws InterruptedException {
		int port = (args.length > 0) ? Integer.parseInt(args[0]) : 0;
		MemoryBackend backend = new MemoryBackend();
		// The driver's floor is wire version 8; the server's default (3.6) is below it (as in StoreConfiguration).
		backend.version(ServerVersion.MONGO_5_0);
		MongoServer server = new MongoServer(backend);
		server.bind("127.0.0.1", port);
		Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
		System.out.println("READY " + server.getLocalAddress().getPort());
		System.out.flush();
		// Runs until the launching script stops it; the shutdown hook closes the server.
		new CountDownLatch(1).await();
	}

}
