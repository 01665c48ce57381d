package com.corpbank.portal.web;

import java.net.http.HttpResponse;

import com.corpbank.portal.support.PortalTest;
import com.corpbank.portal.support.TestIdentityProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/** Only health is on the web, to anyone, without details; nothing lists the other endpoints. The Prometheus scrape
 * is served on the separate management port only. */
@PortalTest
class ActuatorExposureTests {

	@Value("${local.server.port}")
	int port;

	RawHttp http;

	final String token = TestIdentityProvider.get().token("admin");

	@BeforeEach
	void client() {
		this.http = new RawHttp(this.port);
	}

	@Test
	void healthIsReadableWithoutATokenAndShowsOnlyTheStatus() {
		HttpResponse<String> response = this.http.get("/actuator/health", null);
		assertThat(response.statusCode()).isEqualTo(200);
		assertOnlyStatus(response.body());
	}

	@Test
	void healthShowsNoDetailsToASignedInUserEither() {
		assertOnlyStatus(this.http.get("/actuator/health", this.token).body());
	}

	/** UP, and nothing about the components (store, disk) behind it; the probe group names may be listed. */
	private static void assertOnlyStatus(String body) {
		assertThat(body).contains("\"status\":\"UP\"").doesNotContain("components", "details", "store", "disk");
	}

	@Test
	void discoveryPageIsNotFoundForASignedInUser() {
		HttpResponse<String> response = this.http.get("/actuator", this.token);
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).doesNotContain("_links", "href");
	}

	@Test
	void discoveryPageNeedsATokenBeforeAnything() {
		assertThat(this.http.get("/actuator", null).statusCode()).isEqualTo(401);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/info", "/actuator/env", "/actuator/beans", "/actuator/configprops",
			"/actuator/mappings", "/actuator/metrics", "/actuator/loggers", "/actuator/heapdump",
			"/actuator/threaddump", "/actuator/shutdown" })
	void otherEndpointsAreNotFoundForASignedInUser(String path) {
		MalformedRequestTests.assertCleanClientError(this.http.get(path, this.token), 404);
	}

	/** Without a separate management port the Prometheus scrape is refused to everyone (ops.GraphQlMetricsTests). */
	@Test
	void prometheusScrapeIsRefusedOnTheApplicationPort() {
		assertThat(this.http.get("/actuator/prometheus", this.token).statusCode()).isEqualTo(403);
		assertThat(this.http.get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/info", "/actuator/env" })
	void otherEndpointsNeedATokenBeforeAnything(String path) {
		assertThat(this.http.get(path, null).statusCode()).isEqualTo(401);
	}

}
