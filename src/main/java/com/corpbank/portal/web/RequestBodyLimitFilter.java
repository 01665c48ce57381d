package com.corpbank.portal.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over {@code portal.web.max-request-body} with HTTP 413 ({@code LIMIT_EXCEEDED}) before
 * anything parses them: at once when the {@code Content-Length} says so, and while reading when a chunked body (no
 * length) grows past it.
 */
class RequestBodyLimitFilter extends OncePerRequestFilter {

	/** The property name, as every size limit names itself in {@code extensions.limit}. */
	static final String LIMIT = "max-request-body";

	private final long maxBytes;

	RequestBodyLimitFilter(WebProperties properties) {
		this.maxBytes = properties.maxRequestBody().toBytes();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > this.maxBytes) {
			tooLarge(response);
			return;
		}
		try {
			chain.doFilter(new LimitedRequest(request, this.maxBytes), response);
		}
		catch (BodyTooLargeException ex) {
			if (!response.isCommitted()) {
				tooLarge(response);
			}
		}
	}

	private void tooLarge(HttpServletResponse response) throws IOException {
		// Unread bytes stay on the wire; closing the connection stops the client sending them.
		response.setHeader("Connection", "close");
		HttpErrors.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, HttpErrors.LIMIT_EXCEEDED,
				"The request body is larger than " + LIMIT + " allows (" + this.maxBytes + " bytes).",
				Map.of("limit", LIMIT, "allowed", this.maxBytes));
	}

	/** Thrown by the counting stream once the body passes the limit; the filter turns it into a 413. */
	static final class BodyTooLargeException extends IOException {

		BodyTooLargeException() {
			super("request body over the limit");
		}

		@Override
		public synchronized Throwable fillInStackTrace() {
			return this; // control flow, not a fault: no stack trace to build
		}

	}

	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private final long maxBytes;

		private @Nullable ServletInputStream stream;

		LimitedRequest(HttpServletRequest request, long maxBytes) {
			super(request);
			this.maxBytes = maxBytes;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				this.stream = new CountingStream(super.getInputStream(), this.maxBytes);
			}
			return this.stream;
		}

	}

	private static final class CountingStream extends ServletInputStream {

		private final ServletInputStream delegate;

		private final long maxBytes;

		private long count;

		CountingStream(ServletInputStream delegate, long maxBytes) {
			this.delegate = delegate;
			this.maxBytes = maxBytes;
		}

		@Override
		public int read() throws IOException {
			int next = this.delegate.read();
			if (next >= 0) {
				count(1);
			}
			return next;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int read = this.delegate.read(buffer, offset, length);
			if (read > 0) {
				count(read);
			}
			return read;
		}

		private void count(int bytes) throws BodyTooLargeException {
			this.count += bytes;
			if (this.count > this.maxBytes) {
				throw new BodyTooLargeException();
			}
		}

		@Override
		public boolean isFinished() {
			return this.delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.delegate.setReadListener(listener);
		}

	}

}
