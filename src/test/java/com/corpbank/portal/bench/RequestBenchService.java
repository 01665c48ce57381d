package com.corpbank.portal.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import com.corpbank.portal.PortalApplication;
import com.corpbank.portal.seed.ScaledBook;
import com.corpbank.portal.support.TestIdentityProvider;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The service under the request benchmark ({@link RequestBenchmark}, {@code infra/bench/request-benchmark.sh}), in a
 * JVM of its own so that its CPU is its own: drops the database, starts the portal over the store (a
 * {@link BenchStore} or a real MongoDB), writes a {@link ScaledBook} of N clients, and serves, beside the portal's
 * HTTP port, a small control endpoint on a loopback port for the load generator:
 * <ul>
 * <li>{@code GET /token?user=rm_li}: a fresh access token of a test user ({@link TestIdentityProvider}: a key made
 * for this run, its JWKS on another loopback port, which the portal's real decoder fetches);</li>
 * <li>{@code GET /stats}: {@code cpuNanos commands requestThreadsCpuNanos requestThreadsAllocatedBytes jitMillis} —
 * this process's CPU time, the driver commands sent so far (from request threads: Boot's scheduler threads, e.g. the
 * notifications' poll, are left out), the CPU time and allocated bytes of Tomcat's request threads, and the time the
 * JIT compilers have spent so far (a service still compiling is not in its steady state yet);</li>
 * <li>{@code POST /profile/start?scenario=page}, {@code GET /profile/stop?scenario=page}: with
 * {@code -Dbench.profile=<prefix>}, the wall-clock window in between, written to {@code <prefix>-<scenario>.window}
 * ({@code <from> <to>}, epoch milliseconds): the load generator brackets each scenario's measured rounds with them, and
 * {@link JfrBreakdown} reads only that window of the service's recording. The recording itself runs from the JVM's
 * start: one started after the warm-up made the JIT recompile much of the service, which then measured nothing
 * steady;</li>
 * <li>{@code POST /capture/start}, {@code GET /capture/stop}: the command documents sent in between, one canonical
 * Extended JSON document a line (the load generator replays them with the plain driver: the floor).</li>
 * </ul>
 * Prints {@code READY <portal port> <control port>} once both listen; runs until SIGTERM.
 *
 * <p>Usage: {@code java -cp <test classpath> com.corpbank.portal.bench.RequestBenchService <mongodb-uri> <clients>
 * [seed]}
 */
public final class RequestBenchService {

	private RequestBenchService() {
	}

	public static void main(String[] args) throws Exception {
		String uri = args[0];
		int clients = Integer.parseInt(args[1]);
		long seed = (args.length > 2) ? Long.parseLong(args[2]) : 2026L;

		try (MongoClient client = MongoClients.create(uri)) {
			client.getDatabase("portal").drop();
		}
		TestIdentityProvider identity = TestIdentityProvider.start();
		RequestCommands commands = new RequestCommands();
		ConfigurableApplicationContext context = new SpringApplicationBuilder(PortalApplication.class)
			.initializers(initializing -> initializing.getBeanFactory()
				.registerSingleton("benchCommandListener",
						(MongoClientSettingsBuilderCustomizer) settings -> settings.addCommandListener(commands)))
			.run("--server.port=0", "--portal.store.mongodb-uri=" + uri, "--portal.demo-data.enabled=false",
					"--portal.audit.sweep-interval=PT1H", "--logging.level.root=WARN",
					"--logging.level.com.corpbank=WARN",
					// The embedded store scans for most queries and pauses for its own GC on a large book.
					"--portal.store.read-timeout=120s",
					// A store busy with 16 scans answers the driver's heartbeat late: the service must not take it
					// for down (its heartbeat reads with the connect timeout).
					"--portal.store.connect-timeout=60s", "--portal.store.server-selection-timeout=120s",
					// One user sends up to 16 requests at once, without pause: the per-user rate limit would refuse them.
					"--portal.web.rate-limit.enabled=false",
					"--portal.security.issuer-uri=" + TestIdentityProvider.ISSUER,
					"--portal.security.jwk-set-uri=" + identity.jwkSetUri());
		long writing = System.nanoTime();
		ScaledBook.write(context.getBean(MongoTemplate.class), clients, seed);
		System.out.printf("BOOK %d clients written in %.1f s%n", clients, (System.nanoTime() - writing) / 1e9);

		HttpServer control = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		control.createContext("/token", exchange -> {
			String user = query(exchange).get("user");
			try {
				reply(exchange, 200, identity.token(user));
			}
			catch (IllegalArgumentException ex) {
				reply(exchange, 404, "no test user " + user);
			}
		});
		control.createContext("/stats", exchange -> reply(exchange, 200,
				processCpuNanos() + " " + commands.count() + " " + requestThreadsCpuNanos() + " "
						+ requestThreadsAllocatedBytes() + " "
						+ ManagementFactory.getCompilationMXBean().getTotalCompilationTime()));
		String profile = System.getProperty("bench.profile", "");
		Map<String, Long> profiledSince = new ConcurrentHashMap<>();
		control.createContext("/profile/start", exchange -> {
			if (profile.isBlank()) {
				reply(exchange, 404, "not profiling");
				return;
			}
			profiledSince.put(query(exchange).getOrDefault("scenario", "requests"), System.currentTimeMillis());
			reply(exchange, 200, "");
		});
		control.createContext("/profile/stop", exchange -> {
			String scenario = query(exchange).getOrDefault("scenario", "requests");
			Long since = profiledSince.remove(scenario);
			if (since == null) {
				reply(exchange, 404, "no window open for " + scenario);
				return;
			}
			Path window = Path.of(profile + "-" + scenario + ".window");
			Files.writeString(window, since + " " + System.currentTimeMillis() + "\n");
			reply(exchange, 200, window.toString());
		});
		control.createContext("/capture/start", exchange -> {
			commands.startCapture();
			reply(exchange, 200, "");
		});
		control.createContext("/capture/stop", exchange -> reply(exchange, 200, String.join("\n", commands.stopCapture())));
		control.start();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			control.stop(0);
			context.close();
			identity.close();
		}));
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		System.out.println("READY " + port + " " + control.getAddress().getPort());
		System.out.flush();
	}

	/**
	 * The CPU time of Tomcat's request threads ({@code http-nio-*}), where a GraphQL request runs from the socket to
	 * the response: the process's CPU also counts the JIT compiler, GC, the scheduler's polls and the profiler, which
	 * at a few requests a second outweigh the requests themselves.
	 */
	private static long requestThreadsCpuNanos() {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long total = 0;
		for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
			if (info != null && info.getThreadName().startsWith("http-nio-")) {
				long cpu = threads.getThreadCpuTime(info.getThreadId());
				total += Math.max(cpu, 0);
			}
		}
		return total;
	}

	/**
	 * The bytes Tomcat's request threads have allocated: steadier than CPU time on a shared machine (no JIT, GC or
	 * neighbour in it), so a change's effect shows even when the CPU figures move by ±10% from run to run.
	 */
	private static long requestThreadsAllocatedBytes() {
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long total = 0;
		for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
			if (info != null && info.getThreadName().startsWith("http-nio-")) {
				total += Math.max(threads.getThreadAllocatedBytes(info.getThreadId()), 0);
			}
		}
		return total;
	}

	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	private static Map<String, String> query(HttpExchange exchange) {
		Map<String, String> parameters = new HashMap<>();
		String raw = exchange.getRequestURI().getRawQuery();
		if (raw != null) {
			for (String pair : raw.split("&")) {
				int equals = pair.indexOf('=');
				if (equals > 0) {
					parameters.put(pair.substring(0, equals),
							URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
				}
			}
		}
		return parameters;
	}

	private static void reply(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
		exchange.sendResponseHeaders(status, (bytes.length == 0) ? -1 : bytes.length);
		if (bytes.length > 0) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		}
		exchange.close();
	}

	/** Counts the commands request threads send; while capturing, keeps their documents. */
	static final class RequestCommands implements CommandListener {

		private static final String SCHEDULER_THREADS = "scheduling-";

		private static final JsonWriterSettings CANONICAL = JsonWriterSettings.builder()
			.outputMode(JsonMode.EXTENDED)
			.build();

		private final LongAdder count = new LongAdder();

		private final AtomicBoolean capturing = new AtomicBoolean();

		private final List<String> captured = new CopyOnWriteArrayList<>();

		@Override
		public void commandStarted(CommandStartedEvent event) {
			if (Thread.currentThread().getName().startsWith(SCHEDULER_THREADS)) {
				return;
			}
			this.count.increment();
			if (this.capturing.get()) {
				this.captured.add(event.getCommand().toJson(CANONICAL));
			}
		}

		long count() {
			return this.count.sum();
		}

		void startCapture() {
			this.captured.clear();
			this.capturing.set(true);
		}

		List<String> stopCapture() {
			this.capturing.set(false);
			List<String> documents = List.copyOf(this.captured);
			this.captured.clear();
			return documents;
		}

	}

}
