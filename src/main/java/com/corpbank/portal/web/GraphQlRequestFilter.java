package com.corpbank.portal.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks that a request to the GraphQL endpoint is a GraphQL-over-HTTP POST before Spring for GraphQL reads it:
 * JSON in, JSON out, one JSON object with a string {@code query} and, if present, a string {@code operationName}
 * and object {@code variables} and {@code extensions}. Anything else is a 4xx with a small JSON body; without this,
 * a body of {@code null} or a {@code Content-Type: *}{@code /*} made the handler fail with HTTP 500.
 */
class GraphQlRequestFilter extends OncePerRequestFilter {

	static final String MALFORMED = HttpErrors.codeOf(400);

	private static final Set<String> OPTIONAL_OBJECTS = Set.of("variables", "extensions");

	private static final List<MediaType> ANSWERS = List.of(MediaType.APPLICATION_GRAPHQL_RESPONSE,
			MediaType.APPLICATION_JSON);

	private final String path;

	// Strict where the handler would be lenient: a request with two "query" members or text after the object is
	// ambiguous, so it is refused rather than guessed.
	private final JsonMapper json = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	GraphQlRequestFilter(String path) {
		this.path = path;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !this.path.equals(request.getServletPath());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!HttpMethod.POST.matches(request.getMethod())) {
			// Spring answered GET with 405 but other methods with 404; one answer for every method but POST.
			response.setHeader(HttpHeaders.ALLOW, HttpMethod.POST.name());
			HttpErrors.write(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED",
					"The GraphQL endpoint takes POST only.");
			return;
		}
		if (!isJson(request.getContentType())) {
			HttpErrors.write(response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
					"Send the GraphQL request as Content-Type: application/json.");
			return;
		}
		if (!acceptsJson(request.getHeader("Accept"))) {
			HttpErrors.write(response, HttpServletResponse.SC_NOT_ACCEPTABLE, "NOT_ACCEPTABLE",
					"The answer is application/graphql-response+json or application/json; accept one of them.");
			return;
		}
		byte[] body = request.getInputStream().readAllBytes();
		String problem = problem(body);
		if (problem != null) {
			HttpErrors.write(response, HttpServletResponse.SC_BAD_REQUEST, MALFORMED, problem);
			return;
		}
		chain.doFilter(new ReadBody(request, body), response);
	}

	private @Nullable String problem(byte[] body) {
		JsonNode request;
		try {
			request = this.json.readTree(body);
		}
		catch (JacksonException ex) {
			return "The request body is not valid JSON.";
		}
		if (request == null || request.isMissingNode()) {
			return "The request body is empty; send {\"query\": \"...\"}.";
		}
		if (request.isArray()) {
			return "Batched requests (a JSON array) are not supported; send one operation per request.";
		}
		if (!request.isObject()) {
			return "The request body must be a JSON object: {\"query\": \"...\"}.";
		}
		JsonNode query = request.get("query");
		if (query == null || !query.isString() || query.asString().isBlank()) {
			return "The request needs \"query\": the GraphQL document as a string.";
		}
		JsonNode operationName = request.get("operationName");
		if (operationName != null && !operationName.isNull() && !operationName.isString()) {
			return "\"operationName\" must be a string.";
		}
		for (String member : OPTIONAL_OBJECTS) {
			JsonNode value = request.get(member);
			if (value != null && !value.isNull() && !value.isObject()) {
				return "\"" + member + "\" must be a JSON object.";
			}
		}
		return null;
	}

	private static boolean isJson(@Nullable String contentType) {
		if (contentType == null) {
			return false;
		}
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			Charset charset = type.getCharset();
			return MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type)
					&& (charset == null || StandardCharsets.UTF_8.equals(charset));
		}
		catch (IllegalArgumentException ex) { // InvalidMediaTypeException too
			return false;
		}
	}

	private static boolean acceptsJson(@Nullable String accept) {
		if (accept == null || accept.isBlank()) {
			return true;
		}
		try {
			return MediaType.parseMediaTypes(accept)
				.stream()
				.anyMatch(type -> ANSWERS.stream().anyMatch(type::includes));
		}
		catch (IllegalArgumentException ex) { // InvalidMediaTypeException too
			return false;
		}
	}

	/** The request with its body already read (and checked), replayed to the GraphQL handler. */
	private static final class ReadBody extends HttpServletRequestWrapper {

		private final byte[] body;

		ReadBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream bytes = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return bytes.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return bytes.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return bytes.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("synchronous body");
				}

			};
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

	}

}
