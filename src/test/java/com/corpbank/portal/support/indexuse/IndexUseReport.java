package com.corpbank.portal.support.indexuse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.corpbank.portal.support.indexuse.IndexUseGuard.Observation;

/**
 * Every distinct read shape the service sent in this JVM, with the index that served it (or the allow-list's reason,
 * or the refusal), and every declared index with the shapes that used it. Written to {@code index-use.md} in the
 * build directory when a test context closes and when the JVM exits.
 */
public final class IndexUseReport {

	private static final IndexUseReport INSTANCE = new IndexUseReport();

	private final Map<String, Row> rows = new ConcurrentHashMap<>();

	private final Map<String, DeclaredIndex> declared = new ConcurrentHashMap<>();

	private IndexUseReport() {
		Runtime.getRuntime().addShutdownHook(new Thread(this::write, "index-use-report"));
	}

	public static IndexUseReport get() {
		return INSTANCE;
	}

	/** One shape: how it was served, how often it was sent and by whom (the first few senders). */
	record Row(Observation first, AtomicLong count, Set<String> callers) {

		static final int CALLERS_SHOWN = 4;

	}

	void record(Observation observation, IndexUseGuard guard) {
		// One row per shape and outcome: the same shape allowed for two senders shows both reasons.
		String outcome = (observation.allowedBecause() != null) ? observation.allowedBecause()
				: observation.verdict().detail();
		Row row = this.rows.computeIfAbsent(observation.query().describe() + "\n" + outcome, key -> {
			guard.declared().forEach(indexes -> indexes.values()
				.forEach(index -> this.declared.putIfAbsent(index.collection() + "." + index.name(), index)));
			return new Row(observation, new AtomicLong(), ConcurrentHashMap.newKeySet());
		});
		row.count().incrementAndGet();
		if (row.callers().size() < Row.CALLERS_SHOWN) {
			row.callers().add(observation.caller());
		}
	}

	synchronized void write() {
		if (this.rows.isEmpty()) {
			return;
		}
		try {
			Path file = buildDirectory().resolve("index-use.md");
			Files.writeString(file, render());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String render() {
		Map<String, List<Row>> byCollection = new TreeMap<>();
		this.rows.values()
			.stream()
			.sorted(Comparator.comparing(row -> row.first().query().describe()))
			.forEach(row -> byCollection.computeIfAbsent(row.first().query().collection(), key -> new java.util.ArrayList<>())
				.add(row));
		long served = count(row -> row.first().verdict().served());
		long allowed = count(row -> !row.first().verdict().served() && !row.first().refused());
		long refused = count(row -> row.first().refused());
		StringBuilder out = new StringBuilder();
		out.append("# Index use of the test suite's reads\n\n")
			.append("Written ").append(Instant.now()).append(" by support/indexuse/IndexUseGuard. ")
			.append(this.rows.size()).append(" distinct reads (shape and outcome) the service sent: ")
			.append(served).append(" served by a declared index (equality-sort-range), ")
			.append(allowed).append(" allow-listed (IndexUseAllowList), ")
			.append(refused).append(" refused.\n");
		Set<String> used = new java.util.HashSet<>();
		byCollection.forEach((collection, rowsOf) -> {
			out.append("\n## ").append(collection).append("\n\n| read | sent | served by | senders |\n|---|---|---|---|\n");
			for (Row row : rowsOf) {
				Observation first = row.first();
				String servedBy = first.verdict().served() ? first.verdict().detail()
						: (first.allowedBecause() != null) ? "ALLOWED: " + first.allowedBecause()
								: "REFUSED: " + first.verdict().detail();
				if (first.verdict().served()) {
					// The detail names the index (or, for an $or, one per branch) before its use in brackets.
					this.declared.values()
						.stream()
						.filter(index -> index.collection().equals(collection)
								&& first.verdict().detail().contains(index.name() + " ("))
						.forEach(index -> used.add(collection + "." + index.name()));
				}
				out.append("| `").append(escape(first.query().origin() + " " + first.query().shape())).append("` | ")
					.append(row.count().get()).append(" | ").append(escape(servedBy)).append(" | ")
					.append(escape(String.join("<br>", new java.util.TreeSet<>(row.callers())))).append(" |\n");
			}
		});
		out.append("\n## Declared indexes no read used\n\n");
		this.declared.entrySet()
			.stream()
			.filter(entry -> !used.contains(entry.getKey()))
			.sorted(Map.Entry.comparingByKey())
			.forEach(entry -> out.append("- ").append(entry.getValue().collection()).append(": ")
				.append(entry.getValue()).append('\n'));
		return out.toString();
	}

	private long count(java.util.function.Predicate<Row> condition) {
		return this.rows.values().stream().filter(condition).count();
	}

	private static String escape(String text) {
		return text.replace("|", "\\|");
	}

	/** The build directory: the parent of the test classes' folder ({@code target/}, or {@code -Dbuild.dir}). */
	private static Path buildDirectory() {
		try {
			Path testClasses = Path.of(IndexUseReport.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			return testClasses.getParent();
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
