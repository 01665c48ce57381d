package com.corpbank.portal.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Plain HTTP to the running service, byte for byte: no client-side JSON encoding and no default
 * {@code Content-Type}, so malformed requests reach the server exactly as written.
 */
final class RawHttp {

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String baseUrl;

	RawHttp(int port) {
		this.baseUrl = "http://localhost:" + port;
	}

	HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(this.baseUrl + path)).timeout(Duration.ofSeconds(30));
	}

	HttpResponse<String> send(HttpRequest request) {
		try {
			return this.client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** POST /graphql with a bearer token, the given content type (none when null) and the body as written. */
	HttpResponse<String> postGraphQl(String token, String contentType, String body) {
		HttpRequest.Builder builder = request("/graphql").header("Authorization", "Bearer " + token)
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (contentType != null) {
			builder.header("Content-Type", contentType);
		}
		return send(builder.build());
	}

	HttpResponse<String> get(String path, String token) {
		HttpRequest.Builder builder = request(path).GET();
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		return send(builder.build());
	}

}
