package com.corpbank.portal.notification;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real {@code graphql-transport-ws} client over Spring's {@link StandardWebSocketClient} (Tomcat's JSR-356 client):
 * it speaks the protocol message by message, so tests see exactly what a browser would, close codes included.
 */
final class GraphQlSocket implements AutoCloseable {

	static final Duration WAIT = Duration.ofSeconds(15);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final BlockingQueue<Map<String, Object>> messages = new LinkedBlockingQueue<>();

	private final CompletableFuture<CloseStatus> closed = new CompletableFuture<>();

	private final WebSocketSession session;

	private GraphQlSocket(int port) throws Exception {
		WebSocketHttpHeaders headers = new WebSocketHttpHeaders();
		headers.setSecWebSocketProtocol("graphql-transport-ws");
		this.session = new StandardWebSocketClient()
			.execute(new TextWebSocketHandler() {
				@Override
				protected void handleTextMessage(WebSocketSession session, TextMessage message) {
					@SuppressWarnings("unchecked")
					Map<String, Object> parsed = JSON.readValue(message.getPayload(), Map.class);
					GraphQlSocket.this.messages.add(parsed);
				}

				@Override
				public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
					GraphQlSocket.this.closed.complete(status);
				}
			}, headers, URI.create("ws://localhost:" + port + "/graphql-ws"))
			.get(WAIT.toSeconds(), TimeUnit.SECONDS);
	}

	/** A connection, before any message. */
	static GraphQlSocket open(int port) throws Exception {
		return new GraphQlSocket(port);
	}

	/** A connection initialised with this bearer token and acknowledged. */
	static GraphQlSocket signedIn(int port, String token) throws Exception {
		GraphQlSocket socket = open(port);
		socket.init(Map.of("Authorization", "Bearer " + token));
		Map<String, Object> ack = socket.next();
		if (ack == null || !"connection_ack".equals(ack.get("type"))) {
			throw new AssertionError("expected connection_ack, got " + ack + " / " + socket.closed.getNow(null));
		}
		return socket;
	}

	void init(Map<String, Object> payload) throws Exception {
		send(Map.of("type", "connection_init", "payload", payload));
	}

	/** Subscribes to worklistEvents under the id {@code id}. */
	void subscribeToWorklistEvents(String id) throws Exception {
		send(Map.of("id", id, "type", "subscribe", "payload", Map.of("query",
				"subscription { worklistEvents { id kind clientId subjectId rmUsername dueOn occurredAt } }")));
	}

	void send(Map<String, Object> message) throws Exception {
		this.session.sendMessage(new TextMessage(JSON.writeValueAsString(message)));
	}

	/** The next message within {@link #WAIT}; null when none came. */
	@Nullable Map<String, Object> next() throws InterruptedException {
		return next(WAIT);
	}

	@Nullable Map<String, Object> next(Duration wait) throws InterruptedException {
		return this.messages.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** The worklist event of the next {@code next} message; fails on anything else. */
	@SuppressWarnings("unchecked")
	Map<String, Object> nextEvent() throws InterruptedException {
		Map<String, Object> message = next();
		if (message == null || !"next".equals(message.get("type"))) {
			throw new AssertionError("expected a next message, got " + message);
		}
		Map<String, Object> payload = (Map<String, Object>) message.get("payload");
		Map<String, Object> data = (Map<String, Object>) payload.get("data");
		return (Map<String, Object>) data.get("worklistEvents");
	}

	/** How the server closed the connection, within {@code wait}. */
	CloseStatus awaitClose(Duration wait) throws Exception {
		return this.closed.get(wait.toMillis(), TimeUnit.MILLISECONDS);
	}

	boolean isOpen() {
		return this.session.isOpen();
	}

	@Override
	public void close() throws Exception {
		if (this.session.isOpen()) {
			this.session.close();
		}
	}

}
