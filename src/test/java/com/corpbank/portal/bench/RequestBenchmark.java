package com.corpbank.portal.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * The load generator of the request benchmark ({@code infra/bench/request-benchmark.sh}): real HTTP GraphQL requests
 * with real tokens to the service ({@link RequestBenchService}, its own JVM), and the raw-driver floor: the exact
 * command documents the service sent for each request (captured by the service's command listener), replayed with
 * the plain MongoDB driver from this JVM ({@code runCommand}, then {@code getMore} on the live cursor where the
 * service paged one) at the same concurrency, in the same run.
 *
 * <p>For each scenario and concurrency: a warm-up, then {@code rounds} rounds of {@code seconds} of the service
 * followed by {@code seconds} of the raw replay (interleaved, so that drift in the machine's load hits both), each
 * thread cycling through the scenario's requests (users, cursors, ids). Reported: median and p99 latency, requests
 * per second, driver commands per request (counted in the service), the service's CPU per request (its process CPU
 * time over the service phases, and the CPU time of its request threads alone), the same latencies for the raw replay, and their ratio (our overhead over the floor).
 * Also the commands of the portfolio page at {@code first: 10} and {@code first: 100}, which must be equal.
 *
 * <p>Usage: {@code java -cp <test classpath> com.corpbank.portal.bench.RequestBenchmark <portal url> <control url>
 * <mongodb-uri> <clients> <report file>}; system properties {@code bench.seconds} (per round and side, default 6),
 * {@code bench.rounds} (default 2), {@code bench.warmup} (seconds per scenario, default 4), {@code bench.concurrency}
 * (default 1,4,16), {@code bench.scenarios} (names, default all), {@code bench.maxRequestSeconds} (a scenario one of
 * whose requests takes longer is reported as not measured, default 20).
 */
public final class RequestBenchmark {

	static final String PAGE = """
			query clientPage($first: Int, $after: String) {
			  clients(first: $first, after: $after) {
			    totalCount
			    edges { cursor node {
			      id name uscc
			      industry { section sectionName code name }
			      region size lifecycleStage
			      valueTier { tier score modelVersion evaluatedOn }
			      risk { rating fiveCategory ratedOn }
			      latestFinancials { period periodEnd currency revenue netProfit totalAssets totalLiabilities debtRatio }
			      primaryManager { username displayName team { code name type } }
			      coManagers { username displayName team { code name } }
			    } }
			    pageInfo { hasNextPage endCursor }
			  }
			}""";

	static final String DETAIL = """
			query clientDetail($id: ID!) {
			  client(id: $id) {
			    id name uscc region size lifecycleStage registeredAddress foundedOn employees onboardedOn version
			    industry { section sectionName code name }
			    legalRepresentative { name }
			    valueTier { tier score modelVersion evaluatedOn }
			    risk { rating fiveCategory ratedOn }
			    sizeBasis { rule }
			    latestFinancials { period periodEnd currency revenue netProfit totalAssets totalLiabilities debtRatio }
			    latestRelationshipMetrics { month averageDeposits loanBalance feeIncome }
			    relationshipMetrics(first: 12) { edges { node { month averageDeposits loanBalance feeIncome } } }
			    taxRecords { year taxPaid creditGrade }
			    primaryManager { username displayName team { code name type } }
			    coManagers { username displayName team { code name } }
			    contacts { name mobile masked }
			    riskHistory(first: 5) { edges { node { reason grade { rating } } } }
			    assignmentHistory(first: 5) { edges { node { primaryManager } } }
			    nextFollowUp { dueOn rmUsername overdue }
			    interactions(first: 5) { totalCount }
			  }
			}""";

	static final String PORTFOLIO = """
			query portfolio($groupBy: PortfolioDimension!) {
			  portfolio(groupBy: $groupBy) {
			    groups { key figures { clientCount revenue clientsWithRevenue averageDeposits loanBalance feeIncome clientsWithMetrics } }
			    totals { clientCount revenue averageDeposits loanBalance feeIncome }
			  }
			}""";

	static final String QUALITY = """
			query quality {
			  dataQualityReport {
			    asOf requiredFiscalYear
			    total { clients missingStatements staleStatements failedUsccCheck missingContacts unrated }
			    teams { teamCode teamName counts { clients missingStatements staleStatements failedUsccCheck missingContacts unrated } }
			  }
			}""";

	static final String MIGRATION = """
			query migration($from: Date!, $to: Date!) {
			  tierMigration(from: $from, to: $to) { total cells { fromTier toTier count } }
			}""";

	static final String MY_WORKLIST = """
			query myWorklist {
			  myWorklist(first: 50) {
			    totalCount
			    edges { node { id kind clientId rmUsername dueAt overdue overdueDays title client { id name } } }
			    pageInfo { hasNextPage endCursor }
			  }
			}""";

	static final String TEAM_WORKLIST = """
			query teamWorklist {
			  teamWorklist(first: 50) {
			    totalCount
			    edges { node { id kind clientId rmUsername dueAt overdue overdueDays title client { id name } } }
			    pageInfo { hasNextPage endCursor }
			  }
			}""";

	/** Fields a replayed command must not carry: the driver adds its own session and cluster time. */
	private static final Set<String> SESSION_FIELDS = Set.of("$db", "lsid", "$clusterTime", "txnNumber",
			"autocommit", "startTransaction", "$readPreference", "apiVersion", "apiStrict", "apiDeprecationErrors");

	private static final Set<String> CURSOR_COMMANDS = Set.of("find", "aggregate", "listCollections", "listIndexes");

	private static final double WARM_UP_SLICE_SECONDS = 10;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private final URI portal;

	private final URI control;

	private final MongoClient mongo;

	private final double seconds = Double.parseDouble(System.getProperty("bench.seconds", "6"));

	private final int rounds = Integer.getInteger("bench.rounds", 2);

	private final Duration maxRequest = Duration.ofSeconds(Integer.getInteger("bench.maxRequestSeconds", 20));

	private final double warmup = Double.parseDouble(System.getProperty("bench.warmup", "4"));

	private final double warmupMax = Double.parseDouble(System.getProperty("bench.warmupMax", "300"));

	private final long jitSettledMillis = Long.getLong("bench.jitSettledMillis", 100);

	/** Per scenario: how long its warm-up ran, and whether the JIT had settled by then. */
	private final Map<String, String> warmUps = new HashMap<>();

	/** One request of a scenario: who sends it, the document and its variables; the commands it costs. */
	record Call(String user, String document, BsonDocument variables, List<BsonDocument> commands) {

		String requestBody() {
			return new BsonDocument("query", new BsonString(document())).append("variables", variables()).toJson();
		}

	}

	record Scenario(String name, String description, List<Call> calls) {
	}

	/** Latencies (nanoseconds) and wall time of one side of one cell. */
	static final class Samples {

		private final List<long[]> parts = new ArrayList<>();

		private double wallSeconds;

		void add(long[] latencies, int count, double wall) {
			this.parts.add(Arrays.copyOf(latencies, count));
			this.wallSeconds += wall;
		}

		long[] sorted() {
			long[] all = this.parts.stream().flatMapToLong(Arrays::stream).sorted().toArray();
			return all;
		}

		int count() {
			return this.parts.stream().mapToInt(part -> part.length).sum();
		}

		double perSecond() {
			return count() / this.wallSeconds;
		}

		static double percentileMillis(long[] sorted, double percentile) {
			if (sorted.length == 0) {
				return Double.NaN;
			}
			int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
			return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
		}

	}

	RequestBenchmark(URI portal, URI control, String mongoUri) {
		this.portal = portal;
		this.control = control;
		// As the bench service: a store busy with 16 whole-book aggregations answers the heartbeat late (which reads
		// with the connect timeout); the replay must not take it for down.
		this.mongo = MongoClients.create(MongoClientSettings.builder()
			.applyConnectionString(new ConnectionString(mongoUri))
			.applyToSocketSettings(socket -> socket.connectTimeout(60, TimeUnit.SECONDS))
			.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(120, TimeUnit.SECONDS))
			.build());
	}

	public static void main(String[] args) throws Exception {
		URI portal = URI.create(args[0]);
		URI control = URI.create(args[1]);
		String mongoUri = args[2];
		int clients = Integer.parseInt(args[3]);
		Path report = Path.of(args[4]);
		List<Integer> concurrencies = Arrays.stream(System.getProperty("bench.concurrency", "1,4,16").split(","))
			.map(String::trim)
			.map(Integer::valueOf)
			.toList();
		String only = System.getProperty("bench.scenarios", "");

		RequestBenchmark bench = new RequestBenchmark(portal, control, mongoUri);
		String pageSizes = bench.pageSizeCheck();
		System.out.println(pageSizes);

		StringBuilder table = new StringBuilder();
		table.append("| scenario | clients | conc. | requests | median ms | p99 ms | req/s | commands/req "
				+ "| service CPU ms/req (process) | (request threads) | KiB allocated/req (request threads) "
				+ "| JIT ms/req | raw median ms | raw p99 ms | raw req/s | overhead (median) | overhead (p99) |\n");
		table.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
		StringBuilder notes = new StringBuilder("Scenarios:\n\n");
		for (Plan plan : bench.plans()) {
			if (!only.isBlank() && !Arrays.asList(only.split(",")).contains(plan.name())) {
				continue;
			}
			Scenario scenario;
			try {
				scenario = bench.capture(plan);
			}
			catch (TooSlow slow) {
				System.out.println("== " + plan.name() + ": " + slow.getMessage());
				table.append("| ").append(plan.name()).append(" | ").append(clients)
					.append(" | – | not measured: ").append(slow.getMessage()).append(" |\n");
				notes.append("- **").append(plan.name()).append("**: ").append(plan.description())
					.append(" — not measured: ").append(slow.getMessage()).append('\n');
				continue;
			}
			bench.warmUp(scenario);
			boolean profiling = bench.profile("/profile/start?scenario=" + scenario.name());
			for (int concurrency : concurrencies) {
				String row = bench.measure(scenario, clients, concurrency);
				System.out.println(row);
				table.append(row).append('\n');
				// written after each cell: a run that fails later keeps what it measured
				Files.writeString(report, table + "\n" + pageSizes + "\n", StandardCharsets.UTF_8);
			}
			if (profiling) {
				System.out.println("== " + scenario.name() + ": the measured rounds' window of the recording in "
						+ bench.get("/profile/stop?scenario=" + scenario.name()));
			}
			notes.append("- **").append(scenario.name()).append("**: ").append(scenario.description())
				.append(" — commands per request as captured: ")
				.append(scenario.calls().stream().map(call -> Integer.toString(call.commands().size()))
					.collect(Collectors.joining(", ")))
				.append(" (")
				.append(commandNames(scenario.calls().get(0).commands()))
				.append("); ")
				.append(bench.warmUps.get(scenario.name()))
				.append('\n');
		}
		Files.writeString(report, table + "\n" + notes + "\n" + pageSizes + "\n", StandardCharsets.UTF_8);
		bench.mongo.close();
		System.exit(0);
	}

	private static String commandNames(List<BsonDocument> commands) {
		return commands.stream().map(command -> command.getFirstKey() + " " + targetOf(command))
			.collect(Collectors.joining(", "));
	}

	private static String targetOf(BsonDocument command) {
		BsonValue target = command.get(command.getFirstKey());
		return (target != null && target.isString()) ? target.asString().getValue() : "";
	}

	// ---- scenarios

	/** A request to capture: who sends it, the document and its variables. */
	record Request(String user, String document, BsonDocument variables) {
	}

	/** A scenario before its requests are captured. */
	record Plan(String name, String description, List<Request> requests) {
	}

	/** A request of a scenario took longer than {@code bench.max-request-seconds}: the scenario is not measured. */
	static final class TooSlow extends Exception {

		TooSlow(String message) {
			super(message);
		}

	}

	/**
	 * The scenarios in the order they are measured: the store's slowest answers (aggregates over the whole book, which
	 * the embedded store runs without indexes) last, so that a request abandoned as too slow, which the store still
	 * finishes, cannot slow the others down.
	 */
	List<Plan> plans() {
		List<Plan> plans = new ArrayList<>();
		List<Request> page = new ArrayList<>();
		List<Request> detail = new ArrayList<>();
		for (String user : List.of("rm_li", "mgr_chen", "analyst_wu")) {
			BsonValue after = BsonNull.VALUE;
			for (int pageNumber = 0; pageNumber < 3; pageNumber++) {
				BsonDocument variables = new BsonDocument("first", new BsonInt32(50)).append("after", after);
				page.add(new Request(user, PAGE, variables));
				BsonDocument data = execute(user, PAGE, variables).getDocument("data").getDocument("clients");
				BsonArray edges = data.getArray("edges");
				// five clients of page 2 (of page 1 on a book too small for a second page of rm_li's)
				if (user.equals("rm_li") && (pageNumber == 0 || edges.size() >= 5) && pageNumber <= 1) {
					detail.clear();
					for (BsonValue edge : edges.subList(0, Math.min(5, edges.size()))) {
						detail.add(new Request("rm_li", DETAIL, new BsonDocument("id",
								edge.asDocument().getDocument("node").getString("id"))));
					}
				}
				after = data.getDocument("pageInfo").get("endCursor");
			}
		}
		plans.add(new Plan("page", "`clients(first: 50)` with every nested field (`clientPage`), as rm_li, "
				+ "mgr_chen (branch manager) and analyst_wu (head office), pages 1-3 of each", page));
		plans.add(new Plan("detail", "`client(id)` with its nested fields, as rm_li, 5 clients of page 2", detail));
		plans.add(new Plan("myWorklist", "`myWorklist(first: 50)` as rm_li and rm_zhang",
				List.of(new Request("rm_li", MY_WORKLIST, new BsonDocument()),
						new Request("rm_zhang", MY_WORKLIST, new BsonDocument()))));
		plans.add(new Plan("teamWorklist", "`teamWorklist(first: 50)` as lead_sun and mgr_chen",
				List.of(new Request("lead_sun", TEAM_WORKLIST, new BsonDocument()),
						new Request("mgr_chen", TEAM_WORKLIST, new BsonDocument()))));
		for (String dimension : List.of("TIER", "INDUSTRY_SECTION")) {
			plans.add(new Plan("portfolio" + dimension, "`portfolio(groupBy: " + dimension + ")` as mgr_chen and analyst_wu",
					List.of(new Request("mgr_chen", PORTFOLIO, new BsonDocument("groupBy", new BsonString(dimension))),
							new Request("analyst_wu", PORTFOLIO,
									new BsonDocument("groupBy", new BsonString(dimension))))));
		}
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		BsonDocument quarter = new BsonDocument("from", new BsonString(today.minusDays(91).toString())).append("to",
				new BsonString(today.toString()));
		plans.add(new Plan("tierMigration", "`tierMigration` over the last 91 days as mgr_chen and analyst_wu",
				List.of(new Request("mgr_chen", MIGRATION, quarter), new Request("analyst_wu", MIGRATION, quarter))));
		plans.add(new Plan("dataQuality", "`dataQualityReport` as mgr_chen and analyst_wu",
				List.of(new Request("mgr_chen", QUALITY, new BsonDocument()),
						new Request("analyst_wu", QUALITY, new BsonDocument()))));
		return plans;
	}

	/** Captures each request's commands; a request slower than the limit ends the scenario (see {@link TooSlow}). */
	Scenario capture(Plan plan) throws TooSlow {
		List<Call> calls = new ArrayList<>();
		for (Request request : plan.requests()) {
			long started = System.nanoTime();
			Call call = capture(request.user(), request.document(), request.variables(), this.maxRequest);
			System.out.printf("== %s: captured %d commands for %s in %.0f ms%n", plan.name(), call.commands().size(),
					request.user(), (System.nanoTime() - started) / 1e6);
			calls.add(call);
		}
		return new Scenario(plan.name(), plan.description(), calls);
	}

	/** The page's commands at first: 10 and first: 100, per role: they must be the same commands. */
	String pageSizeCheck() throws Exception {
		StringBuilder out = new StringBuilder("Commands per request of the portfolio page by page size:\n\n");
		for (String user : List.of("rm_li", "mgr_chen", "analyst_wu")) {
			List<String> small = names(capture(user, PAGE,
					new BsonDocument("first", new BsonInt32(10)).append("after", BsonNull.VALUE)).commands());
			List<String> large = names(capture(user, PAGE,
					new BsonDocument("first", new BsonInt32(100)).append("after", BsonNull.VALUE)).commands());
			boolean equal = small.stream().sorted().toList().equals(large.stream().sorted().toList());
			out.append("- ").append(user).append(": first 10 → ").append(small.size()).append(", first 100 → ")
				.append(large.size()).append(equal ? " (the same commands)" : " (DIFFERENT: " + small + " vs " + large + ")")
				.append('\n');
		}
		return out.toString();
	}

	private static List<String> names(List<BsonDocument> commands) {
		return commands.stream().map(command -> command.getFirstKey() + " " + targetOf(command)).toList();
	}

	// ---- measuring

	/**
	 * The raw replay for half of {@code bench.warmup}, then the service in slices of {@value #WARM_UP_SLICE_SECONDS} s
	 * at concurrency 2 until it has run at least half of {@code bench.warmup} and the JIT compilers spent at most
	 * {@code bench.jitSettledMillis} in the last slice, or {@code bench.warmupMax} seconds have passed. Code that runs
	 * once per request (HTTP, security, the GraphQL request) reaches the optimising compiler only after thousands of
	 * requests; measured before that, the service's CPU per page was half again its steady-state figure.
	 */
	void warmUp(Scenario scenario) throws Exception {
		System.out.println("== " + scenario.name() + ": warming up");
		runFor(scenario, 2, this.warmup / 2, true);
		long started = System.nanoTime();
		int requests = 0;
		long jitMillis;
		double elapsed;
		do {
			long[] before = stats();
			Samples slice = new Samples();
			runFor(scenario, 2, Math.min(WARM_UP_SLICE_SECONDS, this.warmupMax), false, slice);
			jitMillis = stats()[4] - before[4];
			requests += slice.count();
			elapsed = (System.nanoTime() - started) / 1e9;
			System.out.printf("== %s: warm-up %.0f s, %d requests, JIT %d ms in the last slice%n", scenario.name(),
					elapsed, requests, jitMillis);
		}
		while (elapsed < this.warmupMax && (elapsed < this.warmup / 2 || jitMillis > this.jitSettledMillis));
		this.warmUps.put(scenario.name(), "%.0f s and %d requests of warm-up, %s".formatted(elapsed, requests,
				(jitMillis <= this.jitSettledMillis) ? "JIT settled (" + jitMillis + " ms in the last slice)"
						: "JIT NOT settled (" + jitMillis + " ms in the last slice; raise BENCH_WARMUP_MAX)"));
	}

	String measure(Scenario scenario, int clients, int concurrency) throws Exception {
		Samples service = new Samples();
		Samples raw = new Samples();
		long cpuNanos = 0;
		long requestCpuNanos = 0;
		long requestAllocatedBytes = 0;
		long jitMillis = 0;
		long commands = 0;
		for (int round = 0; round < this.rounds; round++) {
			long[] before = stats();
			runFor(scenario, concurrency, this.seconds, false, service);
			long[] after = stats();
			cpuNanos += after[0] - before[0];
			commands += after[1] - before[1];
			requestCpuNanos += after[2] - before[2];
			requestAllocatedBytes += after[3] - before[3];
			jitMillis += after[4] - before[4];
			runFor(scenario, concurrency, this.seconds, true, raw);
		}
		long[] serviceSorted = service.sorted();
		long[] rawSorted = raw.sorted();
		double median = Samples.percentileMillis(serviceSorted, 50);
		double p99 = Samples.percentileMillis(serviceSorted, 99);
		double rawMedian = Samples.percentileMillis(rawSorted, 50);
		double rawP99 = Samples.percentileMillis(rawSorted, 99);
		int count = service.count();
		return "| %s | %d | %d | %d | %.2f | %.2f | %.1f | %.2f | %.2f | %.2f | %.0f | %.2f | %.2f | %.2f | %.1f | %.2f× | %.2f× |".formatted(
				scenario.name(), clients, concurrency, count, median, p99, service.perSecond(),
				(double) commands / count, cpuNanos / 1e6 / count, requestCpuNanos / 1e6 / count,
				requestAllocatedBytes / 1024.0 / count, (double) jitMillis / count, rawMedian, rawP99,
				raw.perSecond(),
				median / rawMedian, p99 / rawP99);
	}

	private void runFor(Scenario scenario, int concurrency, double seconds, boolean raw) throws Exception {
		runFor(scenario, concurrency, seconds, raw, new Samples());
	}

	/**
	 * Runs {@code concurrency} threads for {@code seconds}, each cycling through the scenario's calls from its own
	 * offset; at least one request per thread completes, however slow.
	 */
	private void runFor(Scenario scenario, int concurrency, double seconds, boolean raw, Samples samples)
			throws Exception {
		List<Call> calls = scenario.calls();
		// Fresh tokens each phase: a token lives 5 minutes.
		Map<String, String> phaseTokens = new HashMap<>();
		for (Call call : calls) {
			phaseTokens.computeIfAbsent(call.user(), this::token);
		}
		Map<Call, String> bodies = new HashMap<>();
		for (Call call : calls) {
			bodies.put(call, call.requestBody());
		}
		long deadline = System.nanoTime() + (long) (seconds * 1e9);
		List<long[]> latencies = new ArrayList<>();
		int[] counts = new int[concurrency];
		AtomicReference<Throwable> failure = new AtomicReference<>();
		CountDownLatch done = new CountDownLatch(concurrency);
		long started = System.nanoTime();
		for (int t = 0; t < concurrency; t++) {
			long[] mine = new long[1 << 16];
			latencies.add(mine);
			int thread = t;
			Thread worker = new Thread(() -> {
				try {
					int i = thread;
					while (counts[thread] == 0 || (System.nanoTime() < deadline && counts[thread] < mine.length)) {
						Call call = calls.get(i++ % calls.size());
						long begin = System.nanoTime();
						if (raw) {
							replay(call.commands());
						}
						else {
							String body = post(phaseTokens.get(call.user()), bodies.get(call));
							if (body.contains("\"errors\"")) {
								throw new IllegalStateException(scenario.name() + " answered errors: " + body);
							}
						}
						mine[counts[thread]++] = System.nanoTime() - begin;
					}
				}
				catch (Throwable ex) {
					failure.compareAndSet(null, ex);
				}
				finally {
					done.countDown();
				}
			}, "bench-" + t);
			worker.start();
		}
		done.await();
		double wall = (System.nanoTime() - started) / 1e9;
		if (failure.get() != null) {
			throw new IllegalStateException(failure.get());
		}
		int total = 0;
		long[] all = new long[Arrays.stream(counts).sum()];
		for (int t = 0; t < concurrency; t++) {
			System.arraycopy(latencies.get(t), 0, all, total, counts[t]);
			total += counts[t];
		}
		samples.add(all, total, wall);
	}

	/** The commands of one request, replayed in order: cursors are drained with getMore as the service did. */
	void replay(List<BsonDocument> commands) {
		Map<String, Long> liveCursors = new HashMap<>();
		for (BsonDocument command : commands) {
			String name = command.getFirstKey();
			String database = command.getString("$db").getValue();
			if (name.equals("killCursors") || name.equals("endSessions")) {
				continue;
			}
			BsonDocument sent = new BsonDocument();
			for (Map.Entry<String, BsonValue> field : command.entrySet()) {
				if (!SESSION_FIELDS.contains(field.getKey())) {
					sent.append(field.getKey(), field.getValue());
				}
			}
			if (name.equals("getMore")) {
				Long live = liveCursors.get(sent.getString("collection").getValue());
				if (live == null || live == 0) {
					continue;
				}
				sent.put("getMore", new BsonInt64(live));
			}
			BsonDocument reply = this.mongo.getDatabase(database).runCommand(sent, BsonDocument.class);
			if (CURSOR_COMMANDS.contains(name) || name.equals("getMore")) {
				BsonDocument cursor = reply.getDocument("cursor");
				String collection = cursor.getString("ns").getValue();
				liveCursors.put(collection.substring(collection.indexOf('.') + 1), cursor.getInt64("id").getValue());
			}
		}
	}

	// ---- HTTP

	private Call capture(String user, String document, BsonDocument variables) {
		try {
			return capture(user, document, variables, Duration.ofMinutes(10));
		}
		catch (TooSlow slow) {
			throw new IllegalStateException(slow);
		}
	}

	/**
	 * The commands one request costs in the steady state: a request that answers within a few seconds is sent twice
	 * and the second captured, so that what the service caches for a while (a caller's row scope: 30 s) is not
	 * counted as part of every request. A slower one is captured on its first run.
	 */
	private Call capture(String user, String document, BsonDocument variables, Duration limit) throws TooSlow {
		long started = System.nanoTime();
		List<BsonDocument> commands = captureOnce(user, document, variables, limit);
		if (System.nanoTime() - started < 3_000_000_000L) {
			commands = captureOnce(user, document, variables, limit);
		}
		return new Call(user, document, variables, commands);
	}

	private List<BsonDocument> captureOnce(String user, String document, BsonDocument variables, Duration limit)
			throws TooSlow {
		get("/capture/start");
		try {
			execute(user, document, variables, limit);
		}
		catch (IllegalStateException ex) {
			if (ex.getCause() instanceof java.net.http.HttpTimeoutException) {
				get("/capture/stop");
				throw new TooSlow("one request took over " + limit.toSeconds() + " s on this store");
			}
			throw ex;
		}
		String captured = get("/capture/stop");
		return captured.isBlank() ? List.of() : captured.lines().map(BsonDocument::parse).toList();
	}

	private BsonDocument execute(String user, String document, BsonDocument variables) {
		return execute(user, document, variables, Duration.ofMinutes(10));
	}

	private BsonDocument execute(String user, String document, BsonDocument variables, Duration limit) {
		String body = post(token(user), new BsonDocument("query", new BsonString(document))
			.append("variables", variables)
			.toJson(), limit);
		BsonDocument response = BsonDocument.parse(body);
		if (response.containsKey("errors")) {
			throw new IllegalStateException(user + " got errors: " + body);
		}
		return response;
	}

	private String token(String user) {
		return get("/token?user=" + user);
	}

	private long[] stats() {
		return Arrays.stream(get("/stats").trim().split(" ")).mapToLong(Long::parseLong).toArray();
	}

	private String post(String token, String json) {
		return post(token, json, Duration.ofMinutes(10));
	}

	private String post(String token, String json, Duration limit) {
		HttpRequest request = HttpRequest.newBuilder(this.portal.resolve("/graphql"))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.header("Accept", "application/graphql-response+json")
			.timeout(limit)
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build();
		return send(request);
	}

	/** Opens the profile's window in the service; false when it is not profiling (no {@code -Dbench.profile}). */
	private boolean profile(String path) {
		try {
			HttpResponse<String> response = this.http.send(
					HttpRequest.newBuilder(this.control.resolve(path)).POST(HttpRequest.BodyPublishers.noBody()).build(),
					HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 200;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private String get(String path) {
		return send(HttpRequest.newBuilder(this.control.resolve(path)).timeout(Duration.ofSeconds(60)).GET().build());
	}

	private String send(HttpRequest request) {
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException(
						request.uri() + " answered " + response.statusCode() + ": " + response.body());
			}
			return response.body();
		}
		catch (java.net.http.HttpTimeoutException ex) {
			throw new IllegalStateException(ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
