package com.corpbank.portal.web;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.corpbank.portal.support.TestIdentityProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/** Only the configured SPA origin may call the API from a browser; any other origin gets no CORS headers. */
@EdgePolicyTest
class CorsTests {

	@Value("${local.server.port}")
	int port;

	RawHttp http;

	@BeforeEach
	void client() {
		this.http = new RawHttp(this.port);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/graphql", "/graphql/schema" })
	void preflightFromTheSpaOriginIsAllowed(String path) {
		HttpResponse<String> response = preflight(path, EdgePolicyTest.SPA_ORIGIN);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo(EdgePolicyTest.SPA_ORIGIN);
		assertThat(header(response, "Access-Control-Allow-Methods")).contains("POST");
		assertThat(header(response, "Access-Control-Allow-Headers").toLowerCase()).contains("authorization",
				"content-type");
		assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://evil.example", "http://portal.corpbank.example", "https://portal.corpbank.example:8443",
			"null" })
	void preflightFromAnotherOriginGetsNoAllowOrigin(String origin) {
		HttpResponse<String> response = preflight("/graphql", origin);
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
	}

	@Test
	void requestFromTheSpaOriginIsAnsweredWithItsOriginAndRetryAfterReadable() {
		HttpResponse<String> response = post(EdgePolicyTest.SPA_ORIGIN);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo(EdgePolicyTest.SPA_ORIGIN);
		assertThat(header(response, "Access-Control-Expose-Headers")).contains("Retry-After");
	}

	@Test
	void requestFromAnotherOriginIsRefusedWithoutCorsHeaders() {
		HttpResponse<String> response = post("https://evil.example");
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
	}

	private HttpResponse<String> preflight(String path, String origin) {
		return this.http.send(this.http.request(path)
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.header("Origin", origin)
			.header("Access-Control-Request-Method", "POST")
			.header("Access-Control-Request-Headers", "authorization,content-type")
			.build());
	}

	private HttpResponse<String> post(String origin) {
		return this.http.send(this.http.request("/graphql")
			.header("Authorization", "Bearer " + TestIdentityProvider.get().token("risk_zhou"))
			.header("Content-Type", "application/json")
			.header("Origin", origin)
			.POST(HttpRequest.BodyPublishers.ofString(MalformedRequestTests.ME))
			.build());
	}

	static String header(HttpResponse<String> response, String name) {
		return response.headers().firstValue(name).orElse("");
	}

}
