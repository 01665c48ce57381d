package com.corpbank.portal.graphiql;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.corpbank.portal.support.PortalTest;
import com.corpbank.portal.support.TestIdentityProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page is public, carries headers that keep it to this service and Keycloak, and does not open the API: the
 * API still answers 401 without a token. (Where the build skipped the frontend, -Dfrontend.skip=true, the page is a
 * 404 that says so; the browser test, GraphiQlBrowserIT, covers the page itself.)
 */
@PortalTest
class GraphiQlPageTests {

	private static final String KEYCLOAK_ORIGIN = "http://localhost:8180";

	@Value("${local.server.port}")
	int port;

	final HttpClient http = HttpClient.newHttpClient();

	final boolean bundled = new ClassPathResource(GraphiQlController.PAGE).exists();

	@BeforeEach
	void base() {
		assertThat(TestIdentityProvider.ISSUER).startsWith(KEYCLOAK_ORIGIN + "/realms/");
	}

	@Test
	void pageAnswersWithoutATokenUnderAPolicyOfThisServiceAndKeycloakOnly() throws Exception {
		HttpResponse<String> page = get("/graphiql", null);
		if (this.bundled) {
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
			assertThat(page.body()).contains("<div id=\"portal-root\">").contains("/graphiql/assets/");
		}
		else {
			assertThat(page.statusCode()).isEqualTo(404);
			assertThat(page.body()).contains("-Dfrontend.skip=true");
		}
		assertPageHeaders(page);
	}

	@Test
	void policyAllowsOnlySelfAndTheKeycloakOrigin() throws Exception {
		String policy = get("/graphiql", null).headers().firstValue("Content-Security-Policy").orElseThrow();
		assertThat(policy).contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'",
				"connect-src 'self' " + KEYCLOAK_ORIGIN, "form-action 'self' " + KEYCLOAK_ORIGIN,
				"worker-src 'self' blob:", "object-src 'none'");
		// Every source named anywhere in the policy is a keyword, data:/blob:, or the Keycloak origin.
		Matcher source = Pattern.compile("(?<=[ ;])(https?://[^ ;]+|\\*)").matcher(policy);
		while (source.find()) {
			assertThat(source.group()).as(policy).isEqualTo(KEYCLOAK_ORIGIN);
		}
		assertThat(policy).doesNotContain("unsafe-eval").doesNotContain("script-src 'self' 'unsafe-inline'");
	}

	@Test
	void configNamesTheRealmAndPublicClientFromTheServersSettings() throws Exception {
		HttpResponse<String> config = get("/graphiql/config.json", null);
		assertThat(config.statusCode()).isEqualTo(200);
		assertThat(config.body()).contains("\"url\":\"" + KEYCLOAK_ORIGIN + "\"")
			.contains("\"realm\":\"portal-test\"")
			.contains("\"clientId\":\"portal-spa\"")
			.contains("\"graphqlPath\":\"/graphql\"")
			.contains("\"schemaPath\":\"/graphql/schema\"");
		assertPageHeaders(config);
	}

	@Test
	void assetsAreServedWithoutATokenAndCachedForGood() throws Exception {
		if (!this.bundled) {
			assertThat(get("/graphiql/assets/missing.js", null).statusCode()).isEqualTo(404);
			return;
		}
		Matcher script = Pattern.compile("src=\"(/graphiql/assets/[^\"]+\\.js)\"").matcher(get("/graphiql", null).body());
		assertThat(script.find()).isTrue();
		HttpResponse<String> asset = get(script.group(1), null);
		assertThat(asset.statusCode()).isEqualTo(200);
		assertThat(asset.headers().firstValue("Content-Type")).get().asString().contains("javascript");
		assertThat(asset.headers().firstValue("Cache-Control")).get().asString().contains("immutable");
		assertPageHeaders(asset);
	}

	@Test
	void apiStillAnswers401WithoutAToken() throws Exception {
		HttpResponse<String> api = this.http.send(HttpRequest.newBuilder(uri("/graphql"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ me { username } }\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(api.statusCode()).isEqualTo(401);
		assertThat(api.headers().firstValue("Content-Security-Policy")).isEmpty();
		assertThat(get("/graphql/schema", null).statusCode()).isEqualTo(401);
	}

	@Test
	void pageAcceptsOnlyReads() throws Exception {
		HttpResponse<String> post = this.http.send(HttpRequest.newBuilder(uri("/graphiql"))
			.POST(HttpRequest.BodyPublishers.ofString("x"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(post.statusCode()).isIn(401, 403);
	}

	@Test
	void aTokenSentToThePageChangesNothing() throws Exception {
		HttpResponse<String> withToken = get("/graphiql/config.json", TestIdentityProvider.get().token("rm_li"));
		assertThat(withToken.statusCode()).isEqualTo(200);
		HttpResponse<String> withBadToken = get("/graphiql/config.json", "not.a.jwt");
		assertThat(withBadToken.statusCode()).isEqualTo(200);
	}

	private static void assertPageHeaders(HttpResponse<String> response) {
		assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
		assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
	}

	private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
