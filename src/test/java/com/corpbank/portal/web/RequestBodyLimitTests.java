package com.corpbank.portal.web;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.corpbank.portal.support.PortalTest;
import com.corpbank.portal.support.TestIdentityProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/** A body of exactly the limit is answered; one byte more is HTTP 413, whether it declares its length or not. */
@PortalTest
class RequestBodyLimitTests {

	@Value("${local.server.port}")
	int port;

	@Autowired
	WebProperties properties;

	RawHttp http;

	final String token = TestIdentityProvider.get().token("rm_li");

	@BeforeEach
	void client() {
		this.http = new RawHttp(this.port);
	}

	@Test
	void bodyOfExactlyTheLimitIsAnswered() {
		HttpResponse<String> response = post(body(limit()), false);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"username\":\"rm_li\"");
	}

	@Test
	void bodyOneByteOverTheLimitIsRefusedByItsLength() {
		assertTooLarge(post(body(limit() + 1), false));
	}

	@Test
	void chunkedBodyOfExactlyTheLimitIsAnswered() {
		assertThat(post(body(limit()), true).statusCode()).isEqualTo(200);
	}

	@Test
	void chunkedBodyOneByteOverTheLimitIsRefusedWhileReading() {
		assertTooLarge(post(body(limit() + 1), true));
	}

	@Test
	void defaultLimitIsSixtyFourKibibytes() {
		assertThat(limit()).isEqualTo(64 * 1024);
	}

	@Test
	void serviceAnswersNormallyAfterRefusals() {
		assertTooLarge(post(body(limit() + 1), true));
		assertTooLarge(post(body(limit() + 1), false));
		assertThat(post(body(100), false).statusCode()).isEqualTo(200);
	}

	private void assertTooLarge(HttpResponse<String> response) {
		MalformedRequestTests.assertCleanClientError(response, 413);
		assertThat(response.body()).contains("\"code\":\"LIMIT_EXCEEDED\"", "\"limit\":\"max-request-body\"",
				"\"allowed\":" + limit());
	}

	private int limit() {
		return (int) this.properties.maxRequestBody().toBytes();
	}

	/** A valid request for {@code me} padded with JSON whitespace to exactly {@code size} bytes. */
	private static byte[] body(int size) {
		String start = "{\"query\":\"{ me { username } }\"";
		String body = start + " ".repeat(size - start.length() - 1) + "}";
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		assertThat(bytes).hasSize(size);
		return bytes;
	}

	private HttpResponse<String> post(byte[] body, boolean chunked) {
		HttpRequest.BodyPublisher publisher = chunked
				? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
				: HttpRequest.BodyPublishers.ofByteArray(body);
		return this.http.send(this.http.request("/graphql")
			.header("Authorization", "Bearer " + this.token)
			.header("Content-Type", "application/json")
			.POST(publisher)
			.build());
	}

}
