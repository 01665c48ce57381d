package com.corpbank.portal.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.corpbank.portal.support.ClientBookFixture;
import com.corpbank.portal.support.PortalTestConfiguration;
import com.corpbank.portal.support.TestIdentityProvider;
import de.bwaldvogel.mongo.MongoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded store is stopped under the running service and started again on the same port and file: meanwhile
 * each request gets a clean {@code UNAVAILABLE} error within seconds and health is DOWN (503); afterwards the same
 * service, not restarted, answers with the data again and health is UP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "portal.store.mongodb-uri=", "portal.demo-data.enabled=false" })
@Import(PortalTestConfiguration.class)
@DirtiesContext
class StoreOutageTests {

	private static final Path DATA_DIR = tempDir();

	private static final String QUERY = "{\"query\":\"{ clients(first: 20) { totalCount edges { node { id } } } }\"}";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@DynamicPropertySource
	static void fileBackedStore(DynamicPropertyRegistry registry) {
		// A file, not memory: stopping the embedded server closes its backend, and the data must outlive that.
		registry.add("portal.store.data-dir", DATA_DIR::toString);
	}

	@Autowired
	MongoServer embeddedStore;

	@Autowired
	MongoTemplate mongoTemplate;

	@Value("${local.server.port}")
	int port;

	final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	final String token = TestIdentityProvider.get().token("risk_zhou");

	@Test
	void outageIsUnavailableAndHealthDownThenRecoversWithoutARestart() throws InterruptedException {
		new ClientBookFixture(this.mongoTemplate).load();
		JsonNode before = graphQl();
		assertThat(before.path("errors").isMissingNode()).as(before.toString()).isTrue();
		int clients = before.path("data").path("clients").path("totalCount").asInt();
		assertThat(clients).isEqualTo(ClientBookFixture.ALL.size());

		int storePort = this.embeddedStore.getLocalAddress().getPort();
		this.embeddedStore.shutdownNow();

		long start = System.nanoTime();
		HttpResponse<String> down = post(QUERY);
		Duration waited = Duration.ofNanos(System.nanoTime() - start);
		assertThat(down.statusCode()).isEqualTo(200);
		JsonNode errors = JSON.readTree(down.body()).path("errors");
		assertThat(errors.isArray() && !errors.isEmpty()).as(down.body()).isTrue();
		for (JsonNode error : errors) {
			assertThat(error.path("extensions").path("code").asString()).isEqualTo("UNAVAILABLE");
			assertThat(error.path("message").asString()).contains("try again");
		}
		assertThat(down.body()).doesNotContain("127.0.0.1", String.valueOf(storePort), "Mongo", "Exception",
				"Timed out", "java.");
		assertThat(waited).as("short server selection timeout, not the driver's 30 s").isLessThan(Duration.ofSeconds(15));
		HttpResponse<String> healthDown = get("/actuator/health");
		assertThat(healthDown.statusCode()).isEqualTo(503);
		assertThat(healthDown.body()).contains("\"status\":\"DOWN\"").doesNotContain("Mongo", "Exception");

		MongoServer restarted = StoreConfiguration.startEmbedded(DATA_DIR.toString(), storePort);
		try {
			JsonNode after = awaitData();
			assertThat(after.path("data").path("clients").path("totalCount").asInt()).isEqualTo(clients);
			HttpResponse<String> healthUp = get("/actuator/health");
			assertThat(healthUp.statusCode()).isEqualTo(200);
			assertThat(healthUp.body()).contains("\"status\":\"UP\"");
		}
		finally {
			restarted.shutdown();
		}
	}

	/** The driver notices the store is back on its next attempt; allow it a few. */
	private JsonNode awaitData() throws InterruptedException {
		JsonNode last = null;
		for (int attempt = 0; attempt < 10; attempt++) {
			last = graphQl();
			if (last.path("errors").isMissingNode()) {
				return last;
			}
			Thread.sleep(500);
		}
		throw new AssertionError("no data after the store came back: " + last);
	}

	private JsonNode graphQl() {
		return JSON.readTree(post(QUERY).body());
	}

	private HttpResponse<String> post(String body) {
		return send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/graphql"))
			.header("Authorization", "Bearer " + this.token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	private HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).GET().build());
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@AfterAll
	static void removeDataDir() {
		FileSystemUtils.deleteRecursively(DATA_DIR.toFile());
	}

	private static Path tempDir() {
		try {
			return Files.createTempDirectory("store-outage");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
