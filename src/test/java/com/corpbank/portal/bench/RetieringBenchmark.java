package com.corpbank.portal.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.corpbank.portal.PortalApplication;
import com.corpbank.portal.audit.Actor;
import com.corpbank.portal.retiering.RetieringJob;
import com.corpbank.portal.retiering.RetieringJobStatus;
import com.corpbank.portal.retiering.RetieringJobs;
import com.corpbank.portal.retiering.StartRetieringInput;
import com.corpbank.portal.security.Caller;
import com.corpbank.portal.security.Role;
import com.corpbank.portal.seed.ScaledBook;
import com.corpbank.portal.tier.ActivateTierModelInput;
import com.corpbank.portal.tier.CreateTierModelInput;
import com.corpbank.portal.tier.TierModel;
import com.corpbank.portal.tier.TierModelValidation;
import com.corpbank.portal.tier.TierModels;
import com.corpbank.portal.tiering.DemoTierModel;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import com.sun.management.GarbageCollectionNotificationInfo;
import org.bson.BsonValue;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * One measurement of the batch re-tiering job on a generated book: the service (this JVM) against a store in another
 * process ({@link BenchStore}, or a real MongoDB), so that this JVM's heap is the job's. Steps, each timed:
 * <ol>
 * <li>drop the database, start the service over it (indexes are created at start-up);</li>
 * <li>write a book of N clients with {@link ScaledBook} (statements, 24 months of figures, 3 tax years each);</li>
 * <li>create and activate the demo model {@link DemoTierModel} as ADMIN (activation calibrates on the book);</li>
 * <li>run a re-tiering job to the end on this thread ({@link RetieringJobs#runToCompletion}): the first run, which
 * tiers and explains every client;</li>
 * <li>run a second job: same model and inputs, so it must change nothing (idempotence at scale).</li>
 * </ol>
 * For each job: wall time, clients per second, this JVM's CPU, the store process's CPU (from /proc, when its pid is
 * given), driver commands sent, the peak heap while it ran (sum of the heap pools' peaks since a reset after a full
 * GC) and the largest heap left after any GC during it (the live set). Prints one line of {@code key=value} pairs
 * prefixed {@code RESULT} for the script ({@code infra/bench/retiering-benchmark.sh}) to tabulate.
 *
 * <p>Usage: {@code java -Xmx1g -cp <test classpath> com.corpbank.portal.bench.RetieringBenchmark <mongodb-uri>
 * <clients> [seed] [store-pid]}
 */
public final class RetieringBenchmark {

	private static final Actor ADMIN = new Actor(
			new Caller("bench-admin", "admin", "Benchmark ADMIN", Set.of(Role.ADMIN), null), "bench-0001");

	private RetieringBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		String uri = args[0];
		int clients = Integer.parseInt(args[1]);
		long seed = (args.length > 2) ? Long.parseLong(args[2]) : 2026L;
		long storePid = (args.length > 3) ? Long.parseLong(args[3]) : -1;

		try (MongoClient client = MongoClients.create(uri)) {
			client.getDatabase("portal").drop();
		}
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("clients", clients);

		CommandCounter commands = new CommandCounter();
		long started = System.nanoTime();
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PortalApplication.class)
			.initializers(initializing -> initializing.getBeanFactory()
				.registerSingleton("benchCommandCounter",
						(MongoClientSettingsBuilderCustomizer) settings -> settings.addCommandListener(commands)))
			.run("--server.port=0", "--portal.store.mongodb-uri=" + uri, "--portal.demo-data.enabled=false",
					"--portal.tiering.as-of=2026-11-20", "--portal.audit.sweep-interval=PT1H",
					"--logging.level.root=WARN", "--logging.level.com.corpbank=WARN",
					// The embedded store pauses for its own garbage collection on a large book; MongoDB would not.
					"--portal.store.read-timeout=120s",
					// never contacted: no request comes over HTTP
					"--portal.security.jwk-set-uri=http://127.0.0.1:9/certs")) {
			result.put("startSeconds", seconds(started));
			MongoTemplate mongoTemplate = context.getBean(MongoTemplate.class);

			long writing = System.nanoTime();
			ScaledBook.write(mongoTemplate, clients, seed);
			result.put("writeBookSeconds", seconds(writing));

			TierModels models = context.getBean(TierModels.class);
			long calibrating = System.nanoTime();
			TierModel draft = DemoTierModel.draft(ADMIN.caller().username(), java.time.Instant.now());
			models.create(ADMIN, (CreateTierModelInput) TierModelValidation.asInput(draft));
			models.activate(ADMIN, new ActivateTierModelInput(DemoTierModel.VERSION, 0));
			result.put("activateSeconds", seconds(calibrating));

			RetieringJobs jobs = context.getBean(RetieringJobs.class);
			measureJob("first", jobs, commands, storePid, result);
			measureJob("second", jobs, commands, storePid, result);
		}
		StringBuilder line = new StringBuilder("RESULT");
		result.forEach((key, value) -> line.append(' ').append(key).append('=').append(value));
		System.out.println(line);
		System.exit(0);
	}

	private static void measureJob(String name, RetieringJobs jobs, CommandCounter commands, long storePid,
			Map<String, Object> result) throws Exception {
		HeapWatch heap = HeapWatch.start();
		long cpu = processCpuNanos();
		long storeCpu = storeCpuTicks(storePid);
		commands.reset();
		long started = System.nanoTime();
		RetieringJob job = jobs.runToCompletion(ADMIN, new StartRetieringInput("benchmark " + name));
		double wall = seconds(started);
		long sent = commands.count();
		long cpuUsed = processCpuNanos() - cpu;
		long storeUsed = storeCpuTicks(storePid) - storeCpu;
		HeapWatch.Figures figures = heap.stop();
		if (job.status() != RetieringJobStatus.COMPLETED || job.processed() != job.total()) {
			throw new IllegalStateException("job " + job.id() + " ended " + job.status() + " with " + job.processed()
					+ " of " + job.total());
		}
		result.put(name + ".seconds", "%.2f".formatted(wall));
		result.put(name + ".clientsPerSecond", "%.0f".formatted(job.processed() / wall));
		result.put(name + ".processed", job.processed());
		result.put(name + ".changed", job.changed());
		result.put(name + ".failed", job.failed());
		result.put(name + ".serviceCpuSeconds", "%.2f".formatted(cpuUsed / 1e9));
		if (storePid > 0) {
			// /proc counts in clock ticks (USER_HZ, 100 per second on Linux)
			result.put(name + ".storeCpuSeconds", "%.2f".formatted(storeUsed / 100.0));
		}
		result.put(name + ".commands", sent);
		result.put(name + ".slowestCommands", commands.slowest(5));
		result.put(name + ".commandsPerChunk", "%.1f".formatted(sent / Math.ceil(job.processed() / 1000.0)));
		result.put(name + ".peakHeapMiB", figures.peakMiB());
		result.put(name + ".maxAfterGcMiB", figures.maxAfterGcMiB());
	}

	private static double seconds(long startedNanos) {
		return (System.nanoTime() - startedNanos) / 1e9;
	}

	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	/** utime + stime of a process, in clock ticks; 0 without a pid or off Linux. */
	private static long storeCpuTicks(long pid) {
		if (pid <= 0) {
			return 0;
		}
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			// Fields after the command name (which may hold spaces) start after its closing parenthesis.
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		}
		catch (Exception ex) {
			return 0;
		}
	}

	/** Counts the driver's commands while a job runs, and the store's time per command and collection. */
	static final class CommandCounter implements CommandListener {

		private final LongAdder count = new LongAdder();

		private final Map<Integer, String> names = new ConcurrentHashMap<>();

		private final Map<String, LongAdder> nanosByCommand = new ConcurrentHashMap<>();

		private final Map<String, LongAdder> countByCommand = new ConcurrentHashMap<>();

		@Override
		public void commandStarted(CommandStartedEvent event) {
			this.count.increment();
			BsonValue target = event.getCommand().get(event.getCommandName());
			String collection = (target != null && target.isString()) ? target.asString().getValue() : "";
			this.names.put(event.getRequestId(), event.getCommandName() + " " + collection);
		}

		@Override
		public void commandSucceeded(CommandSucceededEvent event) {
			String name = this.names.remove(event.getRequestId());
			if (name != null) {
				this.nanosByCommand.computeIfAbsent(name, key -> new LongAdder()).add(event.getElapsedTime(TimeUnit.NANOSECONDS));
				this.countByCommand.computeIfAbsent(name, key -> new LongAdder()).increment();
			}
		}

		void reset() {
			this.count.reset();
			this.nanosByCommand.clear();
			this.countByCommand.clear();
		}

		long count() {
			return this.count.sum();
		}

		/** The commands that took the store longest, e.g. {@code find:metrics=12x3.1s}. */
		String slowest(int top) {
			return this.nanosByCommand.entrySet()
				.stream()
				.sorted(Map.Entry.<String, LongAdder>comparingByValue(Comparator.comparingLong(LongAdder::sum))
					.reversed())
				.limit(top)
				.map(entry -> "%s=%dx%.1fs".formatted(entry.getKey().trim().replace(' ', ':'),
						this.countByCommand.get(entry.getKey()).sum(), entry.getValue().sum() / 1e9))
				.collect(Collectors.joining(","));
		}

	}

	/** Peak heap between start and stop, and the largest heap any GC left behind meanwhile. */
	static final class HeapWatch {

		record Figures(long peakMiB, long maxAfterGcMiB) {
		}

		private final AtomicLong maxAfterGc = new AtomicLong();

		private final Map<NotificationEmitter, javax.management.NotificationListener> listeners = new ConcurrentHashMap<>();

		static HeapWatch start() {
			System.gc();
			HeapWatch watch = new HeapWatch();
			for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
				if (pool.getType() == MemoryType.HEAP) {
					pool.resetPeakUsage();
				}
			}
			for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
				if (gc instanceof NotificationEmitter emitter) {
					javax.management.NotificationListener listener = (notification, handback) -> {
						if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION
							.equals(notification.getType())) {
							GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
								.from((CompositeData) notification.getUserData());
							long used = info.getGcInfo()
								.getMemoryUsageAfterGc()
								.values()
								.stream()
								.mapToLong(MemoryUsage::getUsed)
								.sum();
							watch.maxAfterGc.accumulateAndGet(used, Math::max);
						}
					};
					emitter.addNotificationListener(listener, null, null);
					watch.listeners.put(emitter, listener);
				}
			}
			return watch;
		}

		Figures stop() throws Exception {
			long peak = 0;
			for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
				if (pool.getType() == MemoryType.HEAP) {
					peak += pool.getPeakUsage().getUsed();
				}
			}
			for (var entry : this.listeners.entrySet()) {
				entry.getKey().removeNotificationListener(entry.getValue());
			}
			return new Figures(peak >> 20, this.maxAfterGc.get() >> 20);
		}

	}

}
