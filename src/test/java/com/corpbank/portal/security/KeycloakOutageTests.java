package com.corpbank.portal.security;

import java.time.Duration;
import java.util.Map;

import com.corpbank.portal.support.TestIdentityProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keycloak goes down: tokens already issued keep working on the signing keys the service holds, even past the key
 * cache's lifetime. A JWKS endpoint of its own (the shared one must keep serving the other suites), a key cache of
 * two seconds so that the test outlives it, and a context of its own, closed afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "portal.store.data-dir=", "portal.store.mongodb-uri=", "portal.demo-data.enabled=false",
				"portal.security.jwks.cache-ttl=2s", "portal.security.jwks.refresh-ahead=500ms",
				"portal.security.jwks.http-timeout=500ms", "portal.security.jwks.min-refetch-interval=1s" })
@DirtiesContext
class KeycloakOutageTests {

	static final Duration CACHE_TTL = Duration.ofSeconds(2);

	static final TestIdentityProvider keycloak = TestIdentityProvider.start();

	@DynamicPropertySource
	static void ownIdentityProvider(DynamicPropertyRegistry registry) {
		registry.add("portal.security.issuer-uri", () -> TestIdentityProvider.ISSUER);
		registry.add("portal.security.jwk-set-uri", keycloak::jwkSetUri);
	}

	@AfterAll
	static void stopIdentityProvider() {
		keycloak.close();
	}

	@Value("${local.server.port}")
	int port;

	WebTestClient http;

	@BeforeEach
	void client() {
		this.http = WebTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
	}

	@AfterEach
	void keycloakBack() {
		keycloak.resumeServingKeys();
	}

	@Test
	void tokensAlreadyIssuedKeepWorkingWhileKeycloakIsDown() throws InterruptedException {
		String issuedBefore = keycloak.token("rm_li");
		me(issuedBefore).expectStatus().isOk();
		assertThat(keycloak.jwksFetches()).isEqualTo(1);

		keycloak.stopServingKeys();
		for (int i = 0; i < 5; i++) {
			me(issuedBefore).expectStatus().isOk();
		}
		me(keycloak.token("risk_zhou")).expectStatus().isOk();

		// Past the cache's lifetime the refetch fails, and the last good key set keeps serving.
		Thread.sleep(CACHE_TTL.plusMillis(700).toMillis());
		for (int i = 0; i < 5; i++) {
			me(issuedBefore).expectStatus().isOk().expectBody().jsonPath("$.data.me.username").isEqualTo("rm_li");
		}
		assertThat(keycloak.jwksFetches()).as("the service did try Keycloak again").isGreaterThan(1);
	}

	private WebTestClient.ResponseSpec me(String token) {
		return this.http.post().uri("/graphql")
			.headers(headers -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", "{ me { username } }"))
			.exchange();
	}

}
