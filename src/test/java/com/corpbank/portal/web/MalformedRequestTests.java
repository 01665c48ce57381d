package com.corpbank.portal.web;

import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import com.corpbank.portal.support.PortalTest;
import com.corpbank.portal.support.TestIdentityProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests that are not a GraphQL request at all get a clean 4xx with a small JSON body (or none): never a 5xx,
 * never an HTML page, never a stack trace or a class name.
 */
@PortalTest
class MalformedRequestTests {

	static final String ME = "{\"query\":\"{ me { username } }\"}";

	@Value("${local.server.port}")
	int port;

	RawHttp http;

	final String token = TestIdentityProvider.get().token("rm_li");

	@BeforeEach
	void client() {
		this.http = new RawHttp(this.port);
	}

	static Stream<Arguments> malformedBodies() {
		return Stream.of(Arguments.of("null"), Arguments.of("[]"), Arguments.of("\"string\""), Arguments.of("42"),
				Arguments.of("{\"query\": 5}"), Arguments.of("{\"query\": null}"), Arguments.of("{}"),
				Arguments.of("{ not json"), Arguments.of(""), Arguments.of(ME + " trailing"),
				Arguments.of("{\"query\":\"{ me { username } }\",\"variables\":\"not-an-object\"}"),
				Arguments.of("{\"query\":\"{ me { username } }\",\"variables\":[1]}"),
				Arguments.of("{\"query\":\"{ me { username } }\",\"operationName\":5}"),
				Arguments.of("{\"query\":\"{ me { username } }\",\"extensions\":\"x\"}"));
	}

	@ParameterizedTest
	@MethodSource("malformedBodies")
	void malformedBodyIsABadRequestWithACode(String body) {
		HttpResponse<String> response = this.http.postGraphQl(this.token, "application/json", body);
		assertCleanClientError(response, 400);
		assertThat(response.body()).contains("\"code\":\"MALFORMED_REQUEST\"");
	}

	@Test
	void batchedRequestIsRefusedAndSaysBatchesAreNotSupported() {
		HttpResponse<String> response = this.http.postGraphQl(this.token, "application/json", "[" + ME + "," + ME + "]");
		assertCleanClientError(response, 400);
		assertThat(response.body()).contains("\"code\":\"MALFORMED_REQUEST\"").containsIgnoringCase("batch");
	}

	@ParameterizedTest
	@ValueSource(strings = { "*/*", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
			"application/xml", "nonsense" })
	void otherContentTypeIsUnsupportedMediaType(String contentType) {
		assertCleanClientError(this.http.postGraphQl(this.token, contentType, ME), 415);
	}

	@Test
	void missingContentTypeIsUnsupportedMediaType() {
		assertCleanClientError(this.http.postGraphQl(this.token, null, ME), 415);
	}

	@Test
	void jsonWithCharsetAndNullOptionalMembersIsAnswered() {
		HttpResponse<String> response = this.http.postGraphQl(this.token, "application/json;charset=UTF-8",
				"{\"query\":\"{ me { username } }\",\"operationName\":null,\"variables\":null,\"extensions\":{}}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"username\":\"rm_li\"");
	}

	@Test
	void getOnTheEndpointIsMethodNotAllowed() {
		assertCleanClientError(this.http.get("/graphql?query=%7Bme%7Busername%7D%7D", this.token), 405);
	}

	@Test
	void putOnTheEndpointIsMethodNotAllowed() {
		HttpResponse<String> response = this.http.send(this.http.request("/graphql")
			.header("Authorization", "Bearer " + this.token)
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(ME))
			.build());
		assertCleanClientError(response, 405);
	}

	@Test
	void askingForHtmlIsNotAcceptable() {
		HttpResponse<String> response = this.http.send(this.http.request("/graphql")
			.header("Authorization", "Bearer " + this.token)
			.header("Content-Type", "application/json")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(ME))
			.build());
		assertCleanClientError(response, 406);
	}

	@Test
	void errorPathRequestedDirectlyIsNotFound() {
		assertCleanClientError(this.http.get("/error", this.token), 404);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/", "/no-such-path", "/graphql/nothing-here", "/index.html", "/WEB-INF/web.xml" })
	void unknownPathIsNotFound(String path) {
		assertCleanClientError(this.http.get(path, this.token), 404);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/graphql;jsessionid=1", "/..;/actuator/env", "/graphql/%2e%2e/actuator/env",
			"/actuator/health/..%2Fenv", "//actuator/env", "/graphql%00" })
	void pathTricksAreRefusedCleanly(String path) {
		HttpResponse<String> response = this.http.get(path, this.token);
		assertThat(response.statusCode()).as(path).isIn(400, 404);
		assertCleanClientError(response, response.statusCode());
	}

	@ParameterizedTest
	@ValueSource(strings = { "GET /%zz HTTP/1.1", "GET /graphql HTTP/9.9", "BREW /graphql HTTP/1.1",
			"GET /a b HTTP/1.1" })
	void malformedRequestLinesGetNoServerPage(String requestLine) throws IOException {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream()
				.write((requestLine + "\r\nHost: localhost\r\nAuthorization: Bearer " + this.token
						+ "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
			String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			// 4xx; an HTTP version the server does not speak is 505 by the protocol's own rules.
			assertThat(answer).as(requestLine).matches("(?s)HTTP/1\\.1 (4\\d\\d|505) .*");
			assertThat(answer).doesNotContainIgnoringCase("<html")
				.doesNotContain("Tomcat", "Apache", "Exception", "java.", "org.springframework");
		}
	}

	/** The status, and a body that is either empty or small JSON with nothing internal in it. */
	static void assertCleanClientError(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as("status of %s", response.uri()).isEqualTo(status);
		String body = response.body();
		if (!body.isEmpty()) {
			assertThat(response.headers().firstValue("Content-Type")).get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
				.contains("json");
			assertThat(body).hasSizeLessThan(1024)
				.doesNotContainIgnoringCase("<html")
				.doesNotContain("Exception", "at com.", "at org.", "java.", "jakarta.", "org.springframework",
						"com.mongodb", "de.bwaldvogel", "tools.jackson", "com.fasterxml", "Tomcat", "trace");
		}
	}

}
