package com.corpbank.portal.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the answer to a request refused before GraphQL ran, shaped like a GraphQL response so the SPA reads every
 * error the same way: {@code {"errors":[{"message":…,"extensions":{"code":…,"classification":…}}]}}.
 */
public final class HttpErrors {

	/** The code every size or cost limit uses, with {@code limit} (the property) and {@code allowed}. */
	static final String LIMIT_EXCEEDED = "LIMIT_EXCEEDED";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private HttpErrors() {
	}

	public static void write(HttpServletResponse response, int status, String code, String message)
			throws IOException {
		write(response, status, code, message, Map.of());
	}

	static void write(HttpServletResponse response, int status, String code, String message,
			Map<String, Object> moreExtensions) throws IOException {
		byte[] body = body(status, code, message, moreExtensions);
		response.resetBuffer();
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
		response.flushBuffer();
	}

	static byte[] body(int status, String code, String message, Map<String, Object> moreExtensions) {
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("code", code);
		ErrorType classification = classification(status);
		if (classification != null) {
			extensions.put("classification", classification.name());
		}
		extensions.putAll(moreExtensions);
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("message", message);
		error.put("extensions", extensions);
		return JSON.writeValueAsBytes(Map.of("errors", List.of(error)));
	}

	/** The code for an error status that has no more specific one. */
	static String codeOf(int status) {
		return switch (status) {
			case 400 -> "MALFORMED_REQUEST";
			case 401 -> "UNAUTHENTICATED";
			case 403 -> "FORBIDDEN";
			case 404 -> "NOT_FOUND";
			case 405 -> "METHOD_NOT_ALLOWED";
			case 406 -> "NOT_ACCEPTABLE";
			case 413 -> LIMIT_EXCEEDED;
			case 415 -> "UNSUPPORTED_MEDIA_TYPE";
			case 429 -> "RATE_LIMITED";
			case 503 -> "UNAVAILABLE";
			default -> (status >= 500) ? "INTERNAL_ERROR" : "BAD_REQUEST";
		};
	}

	/** The status's reason phrase for a client error; nothing more specific for a server error. */
	static String messageOf(int status) {
		HttpStatus known = HttpStatus.resolve(status);
		return (status >= 500 || known == null) ? "The request failed." : known.getReasonPhrase() + ".";
	}

	/** Spring's GraphQL error types where one fits the HTTP status; a 429 has none (its code says it all). */
	private static @Nullable ErrorType classification(int status) {
		if (status == 401) {
			return ErrorType.UNAUTHORIZED;
		}
		if (status == 403) {
			return ErrorType.FORBIDDEN;
		}
		if (status == 404) {
			return ErrorType.NOT_FOUND;
		}
		if (status >= 500) {
			return ErrorType.INTERNAL_ERROR;
		}
		return (status == 429) ? null : ErrorType.BAD_REQUEST;
	}

}
