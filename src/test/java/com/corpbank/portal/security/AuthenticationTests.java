package com.corpbank.portal.security;

import java.util.Map;

import com.corpbank.portal.support.PortalTest;
import com.corpbank.portal.support.TestIdentityProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Only a valid token of the trusted realm, for this API, gets past HTTP; everything else is a bare 401. */
@PortalTest
class AuthenticationTests {

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
	void noTokenThenUnauthorized() {
		this.http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue(ME).exchange()
			.expectStatus().isUnauthorized()
			.expectHeader().valueMatches("WWW-Authenticate", "Bearer.*");
	}

	@Test
	void expiredTokenThenUnauthorized() {
		post(this.idp.expiredToken("rm_li")).expectStatus().isUnauthorized();
	}

	@Test
	void tokenOfAnotherIssuerThenUnauthorized() {
		post(this.idp.tokenFromIssuer("rm_li", "http://localhost:8180/realms/other")).expectStatus().isUnauthorized();
	}

	@Test
	void tokenForAnotherAudienceThenUnauthorized() {
		post(this.idp.tokenForAudience("rm_li", "some-other-api")).expectStatus().isUnauthorized();
	}

	@Test
	void tokenSignedByAnUnknownKeyThenUnauthorized() {
		post(this.idp.tokenSignedByUnknownKey("rm_li")).expectStatus().isUnauthorized();
	}

	@Test
	void refusedTokensLearnNothingOfTheReason() {
		for (String token : new String[] { this.idp.tokenSignedByUnknownKey("rm_li"), "not.a.jwt",
				this.idp.expiredToken("rm_li") }) {
			post(token).expectStatus().isUnauthorized()
				.expectHeader().valueEquals("WWW-Authenticate", "Bearer error=\"invalid_token\"")
				.expectBody().isEmpty();
		}
	}

	@Test
	void malformedTokenThenUnauthorized() {
		post("not.a.jwt").expectStatus().isUnauthorized();
		post("eyJhbGciOiJub25lIn0.eyJzdWIiOiJybV9saSJ9.").expectStatus().isUnauthorized();
	}

	@Test
	void tokenInTheQueryStringIsNotAccepted() {
		this.http.post().uri("/graphql?access_token=" + this.idp.token("rm_li")).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(ME).exchange()
			.expectStatus().isUnauthorized();
	}

	@Test
	void validTokenThenOkWithGraphQlResponseMediaType() {
		this.http.post().uri("/graphql")
			.headers(headers -> headers.setBearerAuth(this.idp.token("rm_li")))
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.parseMediaType("application/graphql-response+json"))
			.bodyValue(ME)
			.exchange()
			.expectStatus().isOk()
			.expectHeader().contentTypeCompatibleWith("application/graphql-response+json")
			.expectBody().jsonPath("$.data.me.username").isEqualTo("rm_li");
	}

	@Test
	void healthNeedsNoToken() {
		this.http.get().uri("/actuator/health").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.status").isEqualTo("UP");
	}

	private WebTestClient.ResponseSpec post(String token) {
		return this.http.post().uri("/graphql")
			.headers(headers -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(ME)
			.exchange();
	}

}
