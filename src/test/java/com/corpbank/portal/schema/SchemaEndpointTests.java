package com.corpbank.portal.schema;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import com.corpbank.portal.support.PortalTest;
import com.corpbank.portal.support.TestIdentityProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /graphql/schema}: the SDL for signed-in callers, on by default (production included), so that GraphiQL
 * and code generators have the schema when introspection is off.
 */
@PortalTest
class SchemaEndpointTests {

	@Value("${local.server.port}")
	int port;

	WebTestClient http;

	@BeforeEach
	void client() {
		this.http = WebTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
	}

	@Test
	void anonymousCallerThenUnauthorized() {
		this.http.get().uri("/graphql/schema").exchange()
			.expectStatus().isUnauthorized()
			.expectHeader().valueEquals("WWW-Authenticate", "Bearer")
			.expectBody().isEmpty();
	}

	@Test
	void refusedTokenThenUnauthorized() {
		this.http.get().uri("/graphql/schema")
			.headers(headers -> headers.setBearerAuth(TestIdentityProvider.get().expiredToken("rm_li")))
			.exchange()
			.expectStatus().isUnauthorized()
			.expectBody().isEmpty();
	}

	@Test
	void signedInCallerGetsTheSdlWithDescriptionsInUtf8() {
		String sdl = schemaAs("rm_li");
		assertThat(sdl).contains("type Query {", "type Client {", "input ClientFilter {", "enum ValueTierCode {",
				"scalar Decimal", "scalar Date");
		// Descriptions travel with the SDL, Chinese business terms included.
		assertThat(sdl).contains("The clients the caller may see, in pages.", "贵宾 VIP: high value.", "升序");
	}

	@Test
	void scalarsAreDescribedByTheSdlNotByTheirJavaDefinition() {
		// graphql-java prefers a scalar's Java description to the SDL's; the SDL is the one place for docs.
		assertThat(schemaAs("rm_li")).contains("Amounts are in yuan (CNY) unless a currency field says otherwise.",
				"A calendar date in ISO-8601 form");
	}

	@Test
	void everyPortalRoleMayReadTheSchema() {
		// The schema is no secret among signed-in users: a caller without client rows still gets it.
		assertThat(schemaAs("auditor_qian")).contains("type Client {");
	}

	@Test
	void servedSdlIsExactlyWhatTheBuildPublishes() {
		assertThat(schemaAs("rm_li")).isEqualTo(SchemaArtifact.print(Path.of("schema")));
	}

	private String schemaAs(String username) {
		EntityExchangeResult<byte[]> result = this.http.get().uri("/graphql/schema")
			.headers(headers -> headers.setBearerAuth(TestIdentityProvider.get().token(username)))
			.exchange()
			.expectStatus().isOk()
			.expectHeader().contentTypeCompatibleWith(MediaType.TEXT_PLAIN)
			.expectBody().returnResult();
		// Tools decode by the declared charset (curl, code generators): it must say UTF-8, not Latin-1.
		assertThat(result.getResponseHeaders().getContentType().getCharset()).isEqualTo(StandardCharsets.UTF_8);
		return new String(result.getResponseBody(), StandardCharsets.UTF_8);
	}

}
