package com.corpbank.portal.support.indexuse;

import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.corpbank.portal.store.CollectionIndexes;
import com.corpbank.portal.support.indexuse.EsrMatcher.Verdict;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Sees every command the driver sends and checks each read the service asks of the store against the declared
 * indexes ({@link EsrMatcher}). The service's reads are told from the test harness's own (fixtures, assertions that
 * read the store) by the sender: the sync driver calls listeners on the sending thread, so the first
 * {@code com.corpbank.portal} frame below the driver names it, and its class comes from the main classes (the
 * service) or the test classes (the harness). A read with no portal frame at all (a library on its own thread) is
 * checked too: it is the service's process that sends it.
 * <p>
 * Indexes come from the {@link CollectionIndexes} registry and from every {@code createIndexes} the service sends
 * (e.g. the audit outbox's per-collection index), plus {@code _id} on every collection.
 */
public class IndexUseGuard implements CommandListener, DisposableBean {

	/** Commands that read through a filter. */
	private static final Set<String> READS = Set.of("find", "aggregate", "count", "distinct", "update", "delete",
			"findAndModify");

	private static final String PORTAL = "com.corpbank.portal.";

	private static final ClassValue<Boolean> TEST_CLASS = new ClassValue<>() {
		@Override
		protected Boolean computeValue(Class<?> type) {
			CodeSource source = type.getProtectionDomain().getCodeSource();
			return source != null && source.getLocation() != null
					&& source.getLocation().getPath().contains("test-classes");
		}
	};

	private final ObjectProvider<CollectionIndexes> declarations;

	private final Map<String, Map<String, DeclaredIndex>> indexes = new ConcurrentHashMap<>();

	private final Set<String> withheld = ConcurrentHashMap.newKeySet();

	private final Queue<Observation> unserved = new ConcurrentLinkedQueue<>();

	private final @Nullable IndexUseReport report;

	private volatile boolean declarationsLoaded;

	/** The suite's guard: every read it checks goes into the report. */
	public IndexUseGuard(ObjectProvider<CollectionIndexes> declarations) {
		this(declarations, IndexUseReport.get());
	}

	/** A guard of its own, e.g. for a test of the guard, whose reads stay out of the report when it is null. */
	public IndexUseGuard(ObjectProvider<CollectionIndexes> declarations, @Nullable IndexUseReport report) {
		this.declarations = declarations;
		this.report = report;
	}

	/** A read the service sent, how it was served (or not), and who sent it. */
	public record Observation(IndexedQuery query, Verdict verdict, @Nullable String allowedBecause, String caller,
			String thread) {

		public boolean refused() {
			return !this.verdict.served() && this.allowedBecause == null;
		}

	}

	@Override
	public void commandStarted(CommandStartedEvent event) {
		String name = event.getCommandName();
		boolean createsIndexes = "createIndexes".equals(name);
		if (!READS.contains(name) && !createsIndexes) {
			return;
		}
		Sender sender = Sender.current();
		if (sender.harness()) {
			return;
		}
		BsonDocument command = event.getCommand();
		if (createsIndexes) {
			register(command);
			return;
		}
		for (IndexedQuery query : QueryParser.parse(name, command)) {
			check(query, sender.caller());
		}
	}

	/** Checks one read as if the service had sent it; records it in the report and, if refused, for the test. */
	public Observation check(IndexedQuery query, String caller) {
		Verdict verdict = EsrMatcher.match(query, indexesOn(query.collection()));
		String allowedBecause = verdict.served() ? null : IndexUseAllowList.reasonFor(query, caller).orElse(null);
		Observation observation = new Observation(query, verdict, allowedBecause, caller,
				Thread.currentThread().getName());
		// While a test withholds an index to see a refusal, its reads say nothing about the declared indexes.
		if (this.report != null && this.withheld.isEmpty()) {
			this.report.record(observation, this);
		}
		if (observation.refused()) {
			this.unserved.add(observation);
		}
		return observation;
	}

	/** The refused reads since the last call: each test's are checked after it. */
	public List<Observation> drainRefused() {
		List<Observation> drained = new ArrayList<>();
		for (Observation observation; (observation = this.unserved.poll()) != null;) {
			drained.add(observation);
		}
		return drained;
	}

	/** The indexes a read of the collection may use: the declared ones and {@code _id}. */
	public List<DeclaredIndex> indexesOn(String collection) {
		loadDeclarations();
		List<DeclaredIndex> usable = new ArrayList<>();
		usable.add(DeclaredIndex.id(collection));
		this.indexes.getOrDefault(collection, Map.of())
			.values()
			.stream()
			.filter(index -> !this.withheld.contains(collection + "." + index.name()))
			.forEach(usable::add);
		return usable;
	}

	/** Every declared index, for the report. */
	Collection<Map<String, DeclaredIndex>> declared() {
		loadDeclarations();
		return this.indexes.values();
	}

	/** Acts as if an index were not declared, until closed: how a test shows the guard refuses what it needs. */
	public AutoCloseable withhold(String collection, String indexName) {
		String key = collection + "." + indexName;
		this.withheld.add(key);
		return () -> this.withheld.remove(key);
	}

	@Override
	public void destroy() {
		if (this.report != null) {
			this.report.write();
		}
	}

	private void register(BsonDocument command) {
		String collection = command.getString("createIndexes").getValue();
		for (BsonValue spec : command.getArray("indexes", new org.bson.BsonArray())) {
			add(DeclaredIndex.fromCommand(collection, spec.asDocument()));
		}
	}

	private void add(DeclaredIndex index) {
		this.indexes.computeIfAbsent(index.collection(), key -> new ConcurrentHashMap<>())
			.putIfAbsent(index.name(), index);
	}

	private void loadDeclarations() {
		if (this.declarationsLoaded) {
			return;
		}
		synchronized (this) {
			if (!this.declarationsLoaded) {
				this.declarations.orderedStream()
					.forEach(declaration -> declaration.indexes()
						.forEach(index -> add(DeclaredIndex.fromDefinition(declaration.collection(),
								index.getIndexKeys(), index.getIndexOptions()))));
				this.declarationsLoaded = true;
			}
		}
	}

	/** Who sent the command on this thread: the nearest portal frame below the driver, if any. */
	record Sender(boolean harness, String caller) {

		static Sender current() {
			return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).walk(frames -> {
				List<StackWalker.StackFrame> belowDriver = frames
					.dropWhile(frame -> !frame.getClassName().startsWith("com.mongodb."))
					.toList();
				Optional<StackWalker.StackFrame> portal = belowDriver.stream()
					.filter(frame -> frame.getClassName().startsWith(PORTAL))
					.findFirst();
				if (portal.isPresent()) {
					StackWalker.StackFrame frame = portal.get();
					return new Sender(TEST_CLASS.get(frame.getDeclaringClass()), describe(frame));
				}
				// No portal frame: name the first frame that is neither the driver nor Spring Data.
				String library = belowDriver.stream()
					.filter(frame -> !frame.getClassName().startsWith("com.mongodb.")
							&& !frame.getClassName().startsWith("org.springframework.data."))
					.findFirst()
					.map(Sender::describe)
					.orElse("unknown");
				return new Sender(false, "no portal frame; " + library);
			});
		}

		private static String describe(StackWalker.StackFrame frame) {
			return frame.getClassName() + "." + frame.getMethodName() + "(" + frame.getFileName() + ":"
					+ frame.getLineNumber() + ")";
		}

	}

}
