package com.corpbank.portal.graphql;

import java.util.Map;

import com.corpbank.portal.support.PortalTest;
import com.corpbank.portal.support.TestIdentityProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.corpbank.portal.support.Testers.as;
import static org.assertj.core.api.Assertions.assertThat;

/** Bad requests get typed errors a user can act on; nothing internal reaches the client. */
@PortalTest
class ErrorResponseTests {

	@Autowired
	HttpGraphQlTester graphQlTester;

	@Value("${local.server.port}")
	int port;

	@Test
	void unknownFieldIsAValidationErrorNamingTheField() {
		as(this.graphQlTester, "rm_li").document("{ clients { edges { node { passwordHash } } } }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
				assertThat(error.getErrorType().toString()).isEqualTo("ValidationError");
				assertThat(error.getMessage()).contains("passwordHash");
			}));
	}

	@Test
	void wrongEnumValueInAFilterIsAValidationError() {
		as(this.graphQlTester, "rm_li").document("{ clients(filter: { tier: Z }) { totalCount } }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getErrorType().toString()).isEqualTo("ValidationError")));
	}

	@Test
	void coercionErrorsNameNoJavaClassesOrSyntaxTreeNodes() {
		// The two messages found by trying the service: "but it was a 'LinkedHashMap'" and "StringValue{value='A'}".
		WebTestClient http = WebTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
		String token = TestIdentityProvider.get().token("rm_li");
		for (Object body : new Object[] {
				Map.of("query", "query q($n: String) { clients(filter: { nameContains: $n }) { totalCount } }",
						"variables", Map.of("n", Map.of("$ne", ""))),
				Map.of("query", "{ clients(filter: { rating: \"A\" }) { totalCount } }") }) {
			String response = http.post().uri("/graphql")
				.headers(headers -> headers.setBearerAuth(token))
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(body)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(String.class)
				.returnResult()
				.getResponseBody();
			assertThat(response).contains("INVALID_ARGUMENT")
				.doesNotContain("LinkedHashMap", "StringValue", "EnumValue", "java.", "graphql.");
		}
	}

	@Test
	void malformedRequestsNeverEchoStackTracesOrClassNames() {
		WebTestClient http = WebTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
		String token = TestIdentityProvider.get().token("rm_li");
		for (Object body : new Object[] { "{ not json", Map.of("query", "{ clients("),
				Map.of("query", "{ me { username } }", "variables", "not-an-object"),
				Map.of("query", "query q($f: Int) { clients(first: $f) { totalCount } }", "variables",
						Map.of("f", "ten")) }) {
			String response = http.post().uri("/graphql")
				.headers(headers -> headers.setBearerAuth(token))
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(body)
				.exchange()
				.expectBody(String.class)
				.returnResult()
				.getResponseBody();
			assertThat(response == null ? "" : response).doesNotContain("Exception", "at com.", "at org.",
					"java.", "org.springframework", "com.mongodb", "de.bwaldvogel");
		}
	}

}
