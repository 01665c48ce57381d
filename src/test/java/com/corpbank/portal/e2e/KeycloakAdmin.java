package com.corpbank.portal.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The dev Keycloak's admin REST API, as its bootstrap admin (admin/admin, set by start-keycloak.sh; dev only).
 * Browser suites run the service on a random port, which the realm file cannot know in advance.
 */
final class KeycloakAdmin {

	private static final String REALM = "portal";

	private final KeycloakProcess keycloak;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	KeycloakAdmin(KeycloakProcess keycloak) {
		this.keycloak = keycloak;
	}

	/**
	 * Lets a browser client sign in from {@code origin}: a redirect URI and a post-logout redirect URI below it, and
	 * the origin as a web origin (CORS on the token endpoint). Everything else of the client stays as imported.
	 */
	void allowOrigin(String clientId, String origin) {
		updateClient(clientId, client -> {
			addOnce((ArrayNode) client.get("redirectUris"), origin + "/*");
			addOnce((ArrayNode) client.get("webOrigins"), origin);
			ObjectNode attributes = (ObjectNode) client.get("attributes");
			JsonNode logout = attributes.get("post.logout.redirect.uris");
			String logoutUris = (logout == null || logout.asString().isEmpty()) ? "" : logout.asString() + "##";
			attributes.put("post.logout.redirect.uris", logoutUris + origin + "/*");
		});
	}

	/** Access tokens of this client only live this long (the realm's 5 minutes are too long to watch a refresh). */
	void accessTokenLifespan(String clientId, Duration lifespan) {
		updateClient(clientId, client -> ((ObjectNode) client.get("attributes")).put("access.token.lifespan",
				Long.toString(lifespan.toSeconds())));
	}

	private void updateClient(String clientId, Consumer<ObjectNode> change) {
		String token = adminToken();
		String clients = this.keycloak.serverUrl() + "/admin/realms/" + REALM + "/clients";
		JsonNode found = this.json.readTree(send(HttpRequest.newBuilder(
				URI.create(clients + "?clientId=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)))
			.header("Authorization", "Bearer " + token)
			.GET(), 200));
		if (found.size() != 1) {
			throw new IllegalStateException("Realm " + REALM + " has no client " + clientId);
		}
		ObjectNode client = (ObjectNode) found.get(0);
		change.accept(client);
		send(HttpRequest.newBuilder(URI.create(clients + "/" + client.get("id").asString()))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(client))), 204);
	}

	private static void addOnce(ArrayNode values, String value) {
		for (JsonNode existing : values) {
			if (existing.asString().equals(value)) {
				return;
			}
		}
		values.add(value);
	}

	private String adminToken() {
		String form = Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password",
				"admin")
			.entrySet()
			.stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		String body = send(HttpRequest.newBuilder(
				URI.create(this.keycloak.serverUrl() + "/realms/master/protocol/openid-connect/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)), 200);
		return this.json.readTree(body).get("access_token").asString();
	}

	private String send(HttpRequest.Builder request, int expectedStatus) {
		try {
			HttpResponse<String> response = this.http.send(request.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != expectedStatus) {
				throw new IllegalStateException("Keycloak admin API answered " + response.statusCode() + " to "
						+ response.request().method() + " " + response.request().uri() + ": " + response.body());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
