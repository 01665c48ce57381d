package com.corpbank.portal.security;

import java.util.Map;

import com.corpbank.portal.support.PortalTest;
import com.corpbank.portal.support.TestIdentityProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which tokens identify a caller: only those issued to a client this deployment serves ({@code azp}), and only
 * with a subject. The default configuration (production's) serves {@code portal-spa} alone.
 */
@PortalTest
class TokenIdentityTests {

	private static final Map<String, String> ME = Map.of("query", "{ me { username } }");

	@Value("${local.server.port}")
	int port;

	WebTestClient http;

	final TestIdentityProvider idp = TestIdentityProvider.get();

	@BeforeEach
	void client() {
		this.http = WebTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
	}

	@Test
	void spaTokenIsAccepted() {
		post(this.idp.token("rm_li")).expectStatus().isOk()
			.expectBody().jsonPath("$.data.me.username").isEqualTo("rm_li");
	}

	@Test
	void passwordGrantDevClientTokenThenUnauthorizedByDefault() {
		post(this.idp.token("rm_li", claims -> claims.claim("azp", "portal-cli"))).expectStatus().isUnauthorized()
			.expectHeader().valueEquals("WWW-Authenticate", "Bearer error=\"invalid_token\"")
			// whatever body the error handling renders, it does not say why
			.expectBody(String.class).value(body -> assertThat(String.valueOf(body)).doesNotContain("azp", "portal-cli"));
	}

	@Test
	void tokenOfAnyOtherRealmClientThenUnauthorized() {
		post(this.idp.token("rm_li", claims -> claims.claim("azp", "some-batch-job"))).expectStatus().isUnauthorized();
		post(this.idp.token("rm_li", claims -> claims.claim("azp", "PORTAL-SPA"))).expectStatus().isUnauthorized();
	}

	@Test
	void tokenWithoutAuthorizedPartyThenUnauthorized() {
		post(this.idp.token("rm_li", claims -> claims.claim("azp", null))).expectStatus().isUnauthorized();
	}

	@Test
	void tokenWithoutSubjectThenUnauthorized() {
		post(this.idp.token("rm_li", claims -> claims.subject(null))).expectStatus().isUnauthorized()
			.expectBody(String.class).value(body -> assertThat(String.valueOf(body)).doesNotContain("subject"));
	}

	private WebTestClient.ResponseSpec post(String token) {
		return this.http.post().uri("/graphql")
			.headers(headers -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(ME)
			.exchange();
	}

}
