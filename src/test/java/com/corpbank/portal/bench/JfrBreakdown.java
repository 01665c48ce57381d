package com.corpbank.portal.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the service's request threads spend their CPU, by library: each JFR execution sample of a Tomcat request
 * thread ({@code http-nio-*}) is charged to the library of its innermost frame outside the JDK (a
 * {@code HashMap.get} called by graphql-java is graphql-java's). Prints a Markdown table, largest first.
 * {@code infra/bench/request-benchmark.sh} runs it on the service's recording when {@code PROFILE=1}.
 *
 * <p>Usage: {@code java -cp <test classpath> com.corpbank.portal.bench.JfrBreakdown <recording.jfr> [<from> <to>]}:
 * with a window (epoch milliseconds), only the samples taken in it (a scenario's measured rounds, not its warm-up).
 */
public final class JfrBreakdown {

	/** Package prefixes and the library they belong to; the first match wins, so specific before general. */
	private static final List<Map.Entry<String, String>> LIBRARIES = List.of(
			Map.entry("graphql.", "graphql-java (execution engine)"),
			Map.entry("org.dataloader.", "java-dataloader"),
			Map.entry("org.springframework.graphql.", "Spring for GraphQL"),
			Map.entry("org.springframework.data.", "Spring Data MongoDB (mapping)"),
			Map.entry("com.mongodb.", "MongoDB driver"),
			Map.entry("org.bson.", "BSON"),
			Map.entry("tools.jackson.", "Jackson (JSON response)"),
			Map.entry("com.fasterxml.jackson.", "Jackson (JSON response)"),
			Map.entry("io.micrometer.", "Micrometer, context propagation, tracing"),
			Map.entry("io.opentelemetry.", "Micrometer, context propagation, tracing"),
			Map.entry("reactor.", "Reactor"),
			Map.entry("org.springframework.security.", "Spring Security"),
			Map.entry("org.springframework.", "Spring MVC and core"),
			Map.entry("org.apache.", "Tomcat"),
			Map.entry("com.nimbusds.", "JWT (Nimbus)"),
			Map.entry("com.corpbank.", "the application"));

	private JfrBreakdown() {
	}

	public static void main(String[] args) throws IOException {
		Map<String, Integer> samples = new LinkedHashMap<>();
		int total = 0;
		Instant from = (args.length > 2) ? Instant.ofEpochMilli(Long.parseLong(args[1])) : Instant.MIN;
		Instant to = (args.length > 2) ? Instant.ofEpochMilli(Long.parseLong(args[2])) : Instant.MAX;
		try (RecordingFile recording = new RecordingFile(Path.of(args[0]))) {
			while (recording.hasMoreEvents()) {
				RecordedEvent event = recording.readEvent();
				if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStartTime().isBefore(from)
						|| event.getStartTime().isAfter(to)) {
					continue;
				}
				RecordedThread thread = event.getThread("sampledThread");
				RecordedStackTrace stack = event.getStackTrace();
				if (thread == null || stack == null || thread.getJavaName() == null
						|| !thread.getJavaName().startsWith("http-nio-")) {
					continue;
				}
				total++;
				samples.merge(library(stack.getFrames()), 1, Integer::sum);
			}
		}
		System.out.println("| library (innermost non-JDK frame) | samples | share |");
		System.out.println("|---|---:|---:|");
		int all = total;
		samples.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
			.forEach(entry -> System.out.printf("| %s | %d | %.1f%% |%n", entry.getKey(), entry.getValue(),
					100.0 * entry.getValue() / Math.max(all, 1)));
		System.out.printf("%nRequest-thread samples: %d.%n", total);
	}

	private static String library(List<RecordedFrame> frames) {
		for (RecordedFrame frame : frames) {
			if (frame.getMethod() == null) {
				continue;
			}
			String type = frame.getMethod().getType().getName();
			if (type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.")) {
				continue;
			}
			for (Map.Entry<String, String> library : LIBRARIES) {
				if (type.startsWith(library.getKey())) {
					return library.getValue();
				}
			}
			return "other (" + type.substring(0, Math.max(type.lastIndexOf('.'), 0)) + ")";
		}
		return "the JDK alone";
	}

}
