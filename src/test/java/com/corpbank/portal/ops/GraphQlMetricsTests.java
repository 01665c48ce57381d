package com.corpbank.portal.ops;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import com.corpbank.portal.support.ClientBookFixture;
import com.corpbank.portal.support.PortalTest;
import com.corpbank.portal.support.TestIdentityProvider;
import com.corpbank.portal.support.Testers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Prometheus scrape on a separate management port: graphql.request per operation with a bounded tag, data fetcher
 * outcomes on root fields only, and the scrape refused on the application port.
 */
@PortalTest
@TestPropertySource(properties = { "management.server.port=0", "portal.observability.graphql.max-operation-names=20",
		"portal.observability.graphql.data-fetchers=ROOT" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GraphQlMetricsTests {

	static final int CAP = 20;

	private static final Pattern SERIES = Pattern.compile("^(\\w+)\\{([^}]*)\\}\\s+(\\S+)$", Pattern.MULTILINE);

	private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

	private final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	HttpGraphQlTester tester;

	@Autowired
	MongoTemplate mongoTemplate;

	@Value("${local.server.port}")
	int port;

	@Value("${local.management.port}")
	int managementPort;

	@BeforeAll
	void book() {
		new ClientBookFixture(this.mongoTemplate).load();
	}

	@Test
	@Order(1)
	void operationNamesAreBoundedWhateverCallersSend() {
		HttpGraphQlTester admin = Testers.as(this.tester, "admin");
		admin.document("{ me { username } }").execute().path("me.username").entity(String.class).isEqualTo("admin");
		IntStream.range(0, 200)
			.forEach(i -> admin.document("query Op" + i + " { me { username } }").execute().path("me.username").hasValue());
		// Never executed (not valid): whatever its name, it is "other" and takes no slot.
		admin.document("query Invalid { me { noSuchField } }").execute().errors().expect(error -> true);

		String scrape = scrape();
		Set<String> operations = labelValues(scrape, "graphql_request_seconds_count", "graphql_operation");
		assertThat(operations).hasSizeLessThanOrEqualTo(CAP + 1).contains("anonymous", "Op0", "other");
		assertThat(operations).doesNotContain("Invalid", "Op199");
		// First come, first kept: anonymous, then Op0 .. Op18; all later names are counted as "other".
		Set<String> expected = new TreeSet<>(IntStream.range(0, CAP - 1).mapToObj(i -> "Op" + i).toList());
		expected.add("anonymous");
		expected.add("other");
		assertThat(operations).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(count(scrape, "graphql_request_seconds_count",
				Map.of("graphql_operation", "other", "graphql_outcome", "SUCCESS"))).isEqualTo(200 - (CAP - 1));
		assertThat(count(scrape, "graphql_request_seconds_count",
				Map.of("graphql_operation", "other", "graphql_outcome", "REQUEST_ERROR"))).isEqualTo(1);
	}

	@Test
	@Order(2)
	void dataFetcherOutcomesAreCountedForRootFieldsOnly() {
		HttpGraphQlTester rm = Testers.as(this.tester, "rm_li");
		rm.document("query Page { clients(first: 5) { edges { node { id relationshipMetrics(first: 1) { pageInfo { hasNextPage } } } } } }")
			.execute()
			.path("clients.edges")
			.hasValue();
		// Refused by the data fetcher itself (INVALID_ARGUMENT: not a cursor): the field's outcome is ERROR.
		rm.document("query BadCursor { clients(first: 5, after: \"not-a-cursor\") { totalCount } }")
			.execute()
			.errors()
			.expect(error -> "INVALID_ARGUMENT".equals(error.getExtensions().get("code")))
			.verify();

		String scrape = scrape();
		assertThat(count(scrape, "graphql_datafetcher_seconds_count", Map.of("graphql_field_parent", "Query",
				"graphql_field_name", "clients", "graphql_outcome", "SUCCESS")))
			.isGreaterThanOrEqualTo(1);
		assertThat(count(scrape, "graphql_datafetcher_seconds_count", Map.of("graphql_field_parent", "Query",
				"graphql_field_name", "clients", "graphql_outcome", "ERROR",
				"graphql_error_type", "INVALID_ARGUMENT")))
			.as(() -> scrape.lines().filter(l -> l.startsWith("graphql_datafetcher_seconds_count") || l.startsWith("graphql_request_seconds_count")).toList().toString())
			.isEqualTo(1);
		// Client.relationshipMetrics is a controller method run once per row: not observed with data-fetchers=ROOT.
		assertThat(labelValues(scrape, "graphql_datafetcher_seconds_count", "graphql_field_parent"))
			.isNotEmpty()
			.isSubsetOf("Query", "Mutation", "Subscription");
		assertThat(labelValues(scrape, "graphql_request_seconds_count", "graphql_operation")).doesNotContain("Page");
		// Spring Security's own observations are off (management.observations.enable.spring.security): requests
		// were served above, yet none of its timers exist, while the HTTP server's does.
		assertThat(scrape.lines().filter(line -> line.startsWith("spring_security_"))).isEmpty();
		assertThat(scrape.lines().filter(line -> line.startsWith("http_server_requests_seconds_count"))).isNotEmpty();
	}

	@Test
	@Order(3)
	void theScrapeIsRefusedOnTheApplicationPort() throws Exception {
		String token = TestIdentityProvider.get().token("admin");
		assertThat(get(this.port, "/actuator/prometheus", token).statusCode()).isEqualTo(403);
		assertThat(get(this.port, "/actuator/prometheus", null).statusCode()).isEqualTo(401);
		assertThat(get(this.managementPort, "/actuator/prometheus", null).statusCode()).isEqualTo(200);
	}

	@Test
	@Order(4)
	void probesAnswerOnTheManagementPort() throws Exception {
		for (String path : KubernetesManifests.probePaths()) {
			HttpResponse<String> response = get(this.managementPort, path, null);
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			assertThat(response.body()).as(path).contains("\"status\":\"UP\"");
		}
		assertThat(KubernetesManifests.managementPort()).isEqualTo(8081);
	}

	private String scrape() {
		try {
			HttpResponse<String> response = get(this.managementPort, "/actuator/prometheus", null);
			assertThat(response.statusCode()).isEqualTo(200);
			return response.body();
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private HttpResponse<String> get(int port, String path, String token) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	static Set<String> labelValues(String scrape, String metric, String label) {
		Set<String> values = new TreeSet<>();
		Matcher series = SERIES.matcher(scrape);
		while (series.find()) {
			if (series.group(1).equals(metric)) {
				String value = labels(series.group(2)).get(label);
				if (value != null) {
					values.add(value);
				}
			}
		}
		return values;
	}

	/** The sum of the metric's series whose labels include all of these. */
	static long count(String scrape, String metric, Map<String, String> having) {
		double sum = 0;
		Matcher series = SERIES.matcher(scrape);
		while (series.find()) {
			if (series.group(1).equals(metric) && labels(series.group(2)).entrySet().containsAll(having.entrySet())) {
				sum += Double.parseDouble(series.group(3));
			}
		}
		return Math.round(sum);
	}

	private static Map<String, String> labels(String text) {
		Map<String, String> labels = new java.util.HashMap<>();
		Matcher label = LABEL.matcher(text);
		while (label.find()) {
			labels.put(label.group(1), label.group(2));
		}
		return labels;
	}

}
