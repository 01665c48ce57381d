package com.corpbank.portal.hostile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One hostile request and what must come back. Every case is also held to the suite-wide rules (no 5xx, no
 * internals, typed GraphQL errors, no client outside rm_li's scope) by {@link HostileInputTests}.
 *
 * @param authorization the {@code Authorization} header, made at send time (tokens live five minutes)
 * @param body the raw bytes sent, or null for no body
 * @param onData checks the answer when it is GraphQL data without errors (e.g. the count a literal filter must give)
 */
record HostileCase(String category, String name, String method, String path, @Nullable String contentType,
		Supplier<@Nullable String> authorization, byte @Nullable [] body, List<String[]> extraHeaders,
		Outcome outcome, @Nullable Consumer<JsonNode> onData) {

	/** What the answer must be, beyond the suite-wide rules. */
	enum Outcome {

		/** Only the suite-wide rules: some well-behaved answer. */
		ANY,
		/** HTTP 401: the request never reaches GraphQL. */
		UNAUTHORIZED,
		/** HTTP 4xx, or a GraphQL answer whose errors are all typed (the service refuses the request). */
		REFUSED,
		/** A GraphQL answer with at least one typed error. */
		GRAPHQL_ERROR,
		/** Either a typed GraphQL error or data that passes {@code onData}. */
		ERROR_OR_DATA,
		/** GraphQL data without errors, passing {@code onData} when given. */
		DATA

	}

	@Override
	public String toString() {
		return "[" + this.category + "] " + this.name;
	}

	static Builder graphQl(String category, String name, Map<String, ?> payload) {
		return new Builder(category, name).json(Json.write(payload));
	}

	static Builder request(String category, String name) {
		return new Builder(category, name);
	}

	static final class Builder {

		private final String category;

		private final String name;

		private String method = "POST";

		private String path = "/graphql";

		private @Nullable String contentType = "application/json";

		private Supplier<@Nullable String> authorization = Tokens::rmLi;

		private byte @Nullable [] body;

		private final List<String[]> extraHeaders = new ArrayList<>();

		private Outcome outcome = Outcome.ANY;

		private @Nullable Consumer<JsonNode> onData;

		private Builder(String category, String name) {
			this.category = category;
			this.name = name;
		}

		Builder method(String method) {
			this.method = method;
			return this;
		}

		Builder path(String path) {
			this.path = path;
			return this;
		}

		Builder contentType(@Nullable String contentType) {
			this.contentType = contentType;
			return this;
		}

		Builder authorization(Supplier<@Nullable String> authorization) {
			this.authorization = authorization;
			return this;
		}

		Builder json(String json) {
			this.body = json.getBytes(StandardCharsets.UTF_8);
			return this;
		}

		Builder body(byte @Nullable [] body) {
			this.body = body;
			return this;
		}

		Builder header(String name, String value) {
			this.extraHeaders.add(new String[] { name, value });
			return this;
		}

		Builder expect(Outcome outcome) {
			this.outcome = outcome;
			return this;
		}

		Builder expect(Outcome outcome, Consumer<JsonNode> onData) {
			this.outcome = outcome;
			this.onData = onData;
			return this;
		}

		HostileCase build() {
			return new HostileCase(this.category, this.name, this.method, this.path, this.contentType,
					this.authorization, this.body, List.copyOf(this.extraHeaders), this.outcome, this.onData);
		}

	}

}
