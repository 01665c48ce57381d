package com.corpbank.portal.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the answer to a request refused before GraphQL ran, shaped like a GraphQL response so the SPA reads every
 * error the same way: {@code {"errors":[{"message":…,"extensions":{"code":…,"classification":…}}]}}.
 */
final class HttpErrors {

	/** The code every size or cost limit uses, with {@code limit} (the property) and {@code allowed}. */
	static final String LIMIT_EXCEEDED = "LIMIT_EXCEEDED";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private HttpErrors() {
	}

	static void write(HttpServletResponse response, int status, String code, String message) throws IOException {
		write(response, status, code, message, Map.of());
	}

	static void write(HttpServletResponse response, int status, String code, String message,
			Map<String, Object> moreExtensions) throws IOException {
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("code", code);
		ErrorType classification = classification(status);
		if (classification != null) {
			extensions.put("classification", classification.name());
		}
		extensions.putAll(moreExtensions);
		byte[] body = JSON.writeValueAsBytes(
				Map.of("errors", List.of(Map.of("message", message, "extensions", extensions))));
		response.resetBuffer();
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
		response.flushBuffer();
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
