package com.corpbank.portal.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.corpbank.portal.PortalApplication;
import com.corpbank.portal.client.Client;
import com.corpbank.portal.portfolio.ClientFigureCopies;
import com.corpbank.portal.seed.ScaledBook;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Writes a scaled book ({@link ScaledBook}: clients with statements, months of figures, tax years, contacts,
 * interactions, follow-ups, tier, risk and assignment history) into a MongoDB, ready for the service to serve
 * ({@code MONGODB_URI}): the service's own context is started against the store first, so its index creation
 * ({@code store.IndexCreator}, every declared {@code CollectionIndexes}) runs exactly as at a service start; then the
 * book is written, and the portfolio's figure copy derived for every client (what the service's start-up backfill
 * would otherwise do on its first start). Prints progress, then the documents and indexes per collection.
 *
 * <p>Refuses a database that already has clients (the book's ids start at C000001 again).
 *
 * <p>Usage: {@code java -cp <test classpath> com.corpbank.portal.bench.GenerateDataset <mongodb-uri> <clients> [seed]}
 * (the URI names the database, e.g. {@code mongodb://127.0.0.1:27017/portal}); see
 * {@code infra/bench/generate-dataset.sh}.
 */
public final class GenerateDataset {

	private GenerateDataset() {
	}

	public static void main(String[] args) {
		if (args.length < 2) {
			System.err.println("usage: GenerateDataset <mongodb-uri> <clients> [seed]");
			System.exit(2);
		}
		String uri = args[0];
		int clients = Integer.parseInt(args[1].replace("_", ""));
		long seed = (args.length > 2) ? Long.parseLong(args[2]) : 2026L;
		String database = new ConnectionString(uri).getDatabase();
		if (database == null) {
			System.err.println("The URI must name the database, e.g. mongodb://host:27017/portal");
			System.exit(2);
		}
		try (MongoClient client = MongoClients.create(uri)) {
			if (client.getDatabase(database).getCollection("clients").find().limit(1).first() != null) {
				System.err.println("Database '" + database + "' already has clients: drop it or name another one");
				System.exit(3);
			}
		}

		long started = System.nanoTime();
		System.out.printf("Starting the service's context against %s (creates the indexes)%n", uri);
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PortalApplication.class)
			.run("--server.port=0", "--management.server.port=0", "--portal.store.mongodb-uri=" + uri,
					"--portal.demo-data.enabled=false", "--logging.level.root=WARN",
					"--logging.level.com.corpbank=WARN",
					// The embedded store pauses for its own garbage collection on a large book; MongoDB would not.
					"--portal.store.read-timeout=300s",
					// Never contacted: no request comes over HTTP.
					"--portal.security.jwk-set-uri=http://127.0.0.1:9/certs")) {
			System.out.printf("Context up in %.1f s; writing %,d clients (seed %d)%n", seconds(started), clients, seed);
			MongoTemplate mongoTemplate = context.getBean(MongoTemplate.class);

			long writing = System.nanoTime();
			int every = Math.max(1, clients / 20);
			int[] next = { every };
			ScaledBook.Written written = ScaledBook.write(mongoTemplate, clients, seed, done -> {
				if (done >= next[0] || done == clients) {
					double elapsed = seconds(writing);
					System.out.printf("  %,9d clients  %6.1f s  %,.0f clients/s%n", done, elapsed, done / elapsed);
					next[0] = done + every;
				}
			});
			double writeSeconds = seconds(writing);
			System.out.printf("Book written in %.1f s%n", writeSeconds);

			long deriving = System.nanoTime();
			int copies = context.getBean(ClientFigureCopies.class).refreshMissing();
			System.out.printf("Portfolio figure copies derived for %,d clients in %.1f s%n", copies,
					seconds(deriving));

			System.out.println();
			System.out.println(collections(mongoTemplate));
			System.out.printf(Locale.ROOT,
					"DONE clients=%d seed=%d writeSeconds=%.1f totalSeconds=%.1f written.tierHistory=%d "
							+ "written.interactions=%d%n",
					written.clients(), seed, writeSeconds, seconds(started), written.tierHistory(),
					written.interactions());
			if (mongoTemplate.count(new org.springframework.data.mongodb.core.query.Query(), Client.class)
					!= written.clients()) {
				System.err.println("The store holds another number of clients than were written");
				System.exit(1);
			}
		}
		System.exit(0);
	}

	/** Documents and indexes per collection, as a Markdown table. */
	static String collections(MongoTemplate mongoTemplate) {
		MongoDatabase database = mongoTemplate.getDb();
		List<String> names = new ArrayList<>();
		database.listCollectionNames().into(names);
		names.sort(null);
		StringBuilder table = new StringBuilder("| collection | documents | indexes |\n|---|---:|---:|\n");
		for (String name : names) {
			List<Document> indexes = new ArrayList<>();
			database.getCollection(name).listIndexes().into(indexes);
			table.append(String.format(Locale.ROOT, "| %s | %,d | %d |%n", name,
					database.getCollection(name).countDocuments(), indexes.size()));
		}
		return table.toString();
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

}
