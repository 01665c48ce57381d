package com.corpbank.portal.ops;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.corpbank.portal.support.PortalTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.logging.logback.StructuredLogEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A log line written while a request runs, in Boot's ECS format (what LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs gives in
 * production), carries the request's trace and span ids: the caller's own trace when it sends a W3C
 * {@code traceparent}, a new one otherwise, with tracing's sampling at 0 as configured here.
 */
@PortalTest
class EcsLogTraceTests {

	/** Logs "Bearer token refused" at DEBUG inside the request, for any malformed token. */
	private static final String LOGGER = "com.corpbank.portal.security.SecurityConfiguration";

	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final String PARENT_SPAN_ID = "00f067aa0ba902b7";

	private final ObjectMapper json = new ObjectMapper();

	private final ByteArrayOutputStream output = new ByteArrayOutputStream();

	private OutputStreamAppender<ILoggingEvent> appender;

	private Level previousLevel;

	@Value("${local.server.port}")
	int port;

	@Value("${management.tracing.sampling.probability}")
	double samplingProbability;

	@BeforeEach
	void captureEcs() {
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		StructuredLogEncoder encoder = new StructuredLogEncoder();
		encoder.setContext(context);
		encoder.setFormat("ecs");
		encoder.setCharset(StandardCharsets.UTF_8);
		encoder.start();
		this.appender = new OutputStreamAppender<>();
		this.appender.setContext(context);
		this.appender.setEncoder(encoder);
		this.appender.setOutputStream(this.output);
		this.appender.setImmediateFlush(true);
		this.appender.start();
		Logger logger = context.getLogger(LOGGER);
		this.previousLevel = logger.getLevel();
		logger.setLevel(Level.DEBUG);
		logger.addAppender(this.appender);
	}

	@AfterEach
	void stopCapturing() {
		Logger logger = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(LOGGER);
		logger.detachAppender(this.appender);
		logger.setLevel(this.previousLevel);
		this.appender.stop();
	}

	@Test
	void aLogLineDuringARequestCarriesTheCallersTraceAndItsOwnSpan() throws Exception {
		assertThat(this.samplingProbability).isZero();
		HttpResponse<String> response = post("00-" + TRACE_ID + "-" + PARENT_SPAN_ID + "-01");
		assertThat(response.statusCode()).isEqualTo(401);

		JsonNode line = refusedLine();
		assertThat(field(line, "trace.id")).as(line::toString).isEqualTo(TRACE_ID);
		assertThat(field(line, "span.id")).matches("[0-9a-f]{16}").isNotEqualTo(PARENT_SPAN_ID);
		assertThat(field(line, "log.level")).isEqualTo("DEBUG");
		assertThat(field(line, "service.name")).isEqualTo("client-portal");
		assertThat(field(line, "ecs.version")).isNotBlank();
		assertThat(field(line, "@timestamp")).isNotBlank();
	}

	@Test
	void aRequestWithoutTraceparentGetsANewTraceEvenUnsampled() throws Exception {
		assertThat(post(null).statusCode()).isEqualTo(401);
		JsonNode line = refusedLine();
		assertThat(field(line, "trace.id")).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32)).isNotEqualTo(TRACE_ID);
		assertThat(field(line, "span.id")).matches("[0-9a-f]{16}").isNotEqualTo("0".repeat(16));
	}

	private HttpResponse<String> post(String traceparent) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/graphql"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer not.a.token")
			.POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ me { username } }\"}"));
		if (traceparent != null) {
			request.header("traceparent", traceparent);
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** The one ECS line of the refusal: every captured line is a JSON object. */
	private JsonNode refusedLine() throws Exception {
		List<String> lines = this.output.toString(StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank()).toList();
		assertThat(lines).isNotEmpty();
		JsonNode found = null;
		for (String line : lines) {
			JsonNode node = this.json.readTree(line);
			if (field(node, "message").startsWith("Bearer token refused")) {
				found = node;
			}
		}
		Supplier<String> all = () -> String.join("\n", lines);
		assertThat(found).as(all).isNotNull();
		return found;
	}

	/** A field by its ECS name, written flat ({@code "trace.id"}) or nested ({@code "trace": {"id"}}). */
	private static String field(JsonNode line, String name) {
		if (line.has(name)) {
			return line.get(name).asText();
		}
		JsonNode node = line;
		for (String part : name.split("\\.")) {
			node = node.path(part);
		}
		return node.isMissingNode() ? "" : node.asText();
	}

}
