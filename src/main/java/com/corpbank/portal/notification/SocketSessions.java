package com.corpbank.portal.notification;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

/**
 * The open WebSocket sessions of this instance, by id, and the closing of each when its access token expires
 * (4401 "token expired"). The GraphQL transport exposes only session ids to its interceptor; the handler registers
 * the sessions here ({@link NotificationSocketConfiguration}).
 */
class SocketSessions {

	static final CloseStatus TOKEN_EXPIRED = new CloseStatus(4401, "token expired");

	static final CloseStatus TOO_MANY_CONNECTIONS = new CloseStatus(4429, "too many connections");

	private static final Logger log = LoggerFactory.getLogger(SocketSessions.class);

	private final Map<String, WebSocketSession> sessions = new ConcurrentHashMap<>();

	private final Map<String, ScheduledFuture<?>> expiries = new ConcurrentHashMap<>();

	/** The token subject of each session whose connection_init was accepted. */
	private final Map<String, String> subjects = new ConcurrentHashMap<>();

	private final TaskScheduler scheduler;

	SocketSessions(TaskScheduler scheduler) {
		this.scheduler = scheduler;
	}

	void opened(WebSocketSession session) {
		this.sessions.put(session.getId(), session);
	}

	/**
	 * Admits an authenticated session unless its user already holds {@code max} on this instance; a refused one is
	 * closed with {@link #TOO_MANY_CONNECTIONS}. Synchronized: two inits of one user racing must not both pass.
	 */
	synchronized boolean admit(String sessionId, String subject, int max) {
		long held = this.subjects.entrySet()
			.stream()
			.filter(entry -> !entry.getKey().equals(sessionId) && entry.getValue().equals(subject))
			.count();
		if (held >= max) {
			close(sessionId, TOO_MANY_CONNECTIONS);
			return false;
		}
		this.subjects.put(sessionId, subject);
		return true;
	}

	void closed(String sessionId) {
		this.sessions.remove(sessionId);
		this.subjects.remove(sessionId);
		ScheduledFuture<?> expiry = this.expiries.remove(sessionId);
		if (expiry != null) {
			expiry.cancel(false);
		}
	}

	/** Closes the session with {@link #TOKEN_EXPIRED} at {@code expiresAt} (at once when that has passed). */
	void closeAt(String sessionId, Instant expiresAt) {
		ScheduledFuture<?> previous = this.expiries.put(sessionId,
				this.scheduler.schedule(() -> close(sessionId, TOKEN_EXPIRED), expiresAt));
		if (previous != null) {
			previous.cancel(false);
		}
	}

	private void close(String sessionId, CloseStatus status) {
		WebSocketSession session = this.sessions.get(sessionId);
		if (session == null || !session.isOpen()) {
			return;
		}
		try {
			session.close(status);
		}
		catch (IOException | RuntimeException ex) {
			log.debug("Closing WebSocket session {} failed: {}", sessionId, ex.getClass().getSimpleName());
		}
	}

	int openCount() {
		return this.sessions.size();
	}

}
