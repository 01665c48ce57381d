package com.corpbank.portal.security;

import java.util.Map;

import com.corpbank.portal.support.TestIdentityProvider;
import org.junit.jupiter.api.AfterAll;
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
 * Tokens with a key id the realm does not publish (forged, or from a rotation the service has not seen) cost at
 * most one JWKS refetch between them, not one each: with the default key settings, a JWKS endpoint of its own that
 * counts fetches, and a context of its own, closed afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "portal.store.data-dir=", "portal.store.mongodb-uri=", "portal.demo-data.enabled=false" })
@DirtiesContext
class UnknownSigningKeyTests {

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

	@Test
	void twentyTokensWithAnUnknownKeyIdCostAtMostOneRefetch() {
		me(keycloak.token("rm_li")).expectStatus().isOk();
		int afterFirstCall = keycloak.jwksFetches();
		assertThat(afterFirstCall).isEqualTo(1);

		for (int i = 0; i < 20; i++) {
			me(keycloak.tokenSignedByUnknownKey("rm_li")).expectStatus().isUnauthorized();
		}

		assertThat(keycloak.jwksFetches() - afterFirstCall).isLessThanOrEqualTo(1);
		me(keycloak.token("rm_li")).expectStatus().isOk();
	}

	private WebTestClient.ResponseSpec me(String token) {
		return this.http.post().uri("/graphql")
			.headers(headers -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", "{ me { username } }"))
			.exchange();
	}

}
