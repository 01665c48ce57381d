package com.corpbank.portal.security;

import java.util.Map;

import com.corpbank.portal.support.TestIdentityProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Keycloak is down and the service has never fetched its keys (it just started): a token cannot be checked either
 * way, which is the identity provider's outage, not the caller's fault. A clean 503 with a GraphQL-shaped body, not
 * a 500 and not a 401 that would send the SPA to a login page that cannot load either.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "portal.store.data-dir=", "portal.store.mongodb-uri=", "portal.demo-data.enabled=false",
				"portal.security.jwks.http-timeout=500ms" })
@DirtiesContext
class KeycloakDownAtStartTests {

	@DynamicPropertySource
	static void unreachableKeycloak(DynamicPropertyRegistry registry) {
		registry.add("portal.security.issuer-uri", () -> TestIdentityProvider.ISSUER);
		// Port 9 (discard) on loopback: nothing listens there.
		registry.add("portal.security.jwk-set-uri", () -> "http://127.0.0.1:9/realms/portal-test/certs");
	}

	@Value("${local.server.port}")
	int port;

	@Test
	void aTokenThatCannotBeCheckedAnswersServiceUnavailable() {
		WebTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build()
			.post().uri("/graphql")
			.headers(headers -> headers.setBearerAuth(TestIdentityProvider.get().token("rm_li")))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", "{ me { username } }"))
			.exchange()
			.expectStatus().isEqualTo(503)
			.expectHeader().exists("Retry-After")
			.expectBody()
			.jsonPath("$.errors[0].extensions.code").isEqualTo("UNAVAILABLE")
			.jsonPath("$.errors[0].message").value(message -> org.assertj.core.api.Assertions.assertThat(
					message.toString()).doesNotContain("127.0.0.1").doesNotContain("Exception"));
	}

	@Test
	void withoutATokenItIsStillUnauthorized() {
		WebTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build()
			.post().uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", "{ me { username } }"))
			.exchange()
			.expectStatus().isUnauthorized();
	}

}
