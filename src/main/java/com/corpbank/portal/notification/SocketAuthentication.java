package com.corpbank.portal.notification;

import java.time.Instant;
import java.util.Map;

import com.corpbank.portal.security.CallerAuthentication;
import com.corpbank.portal.security.KeycloakCallerConverter;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Authentication of the WebSocket transport. The handshake carries no credentials (a browser cannot set headers on
 * it); the access token comes in the {@code connection_init} payload ({@code {"Authorization": "Bearer ..."}}) and is
 * checked there by the same {@link JwtDecoder} and {@link KeycloakCallerConverter} as on HTTP. A missing or refused
 * token fails the init, which the transport answers by closing the socket with 4401; before an accepted init it
 * executes nothing (a subscribe is closed with 4401 too). An accepted token's expiry is scheduled to close the
 * connection ({@link SocketSessions}). Each request of the connection then runs as the token's caller.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SocketAuthentication implements WebSocketGraphQlInterceptor {

	private static final Logger log = LoggerFactory.getLogger(SocketAuthentication.class);

	static final String AUTHENTICATION = SocketAuthentication.class.getName() + ".authentication";

	private static final String BEARER = "Bearer ";

	/** The key of Spring for GraphQL's {@code SecurityContextThreadLocalAccessor} in the Reactor context. */
	private static final String SECURITY_CONTEXT_KEY = SecurityContext.class.getName();

	private final JwtDecoder decoder;

	private final KeycloakCallerConverter converter;

	private final SocketSessions sessions;

	private final NotificationProperties properties;

	SocketAuthentication(JwtDecoder decoder, KeycloakCallerConverter converter, SocketSessions sessions,
			NotificationProperties properties) {
		this.decoder = decoder;
		this.converter = converter;
		this.sessions = sessions;
		this.properties = properties;
	}

	@Override
	public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo sessionInfo,
			Map<String, Object> connectionInitPayload) {
		return Mono.<Object>fromCallable(() -> {
			String token = bearerToken(connectionInitPayload);
			if (token == null) {
				throw new SocketUnauthorizedException("no bearer token in connection_init");
			}
			CallerAuthentication authentication;
			Jwt jwt;
			try {
				jwt = this.decoder.decode(token);
				authentication = this.converter.convert(jwt);
			}
			catch (RuntimeException ex) {
				// The reason is logged, never sent: the client learns only 4401.
				throw new SocketUnauthorizedException(ex.getClass().getSimpleName());
			}
			if (!this.sessions.admit(sessionInfo.getId(), authentication.getPrincipal().subject(),
					this.properties.maxConnectionsPerUser())) {
				// Already closed with 4429; failing the init stops the transport from acknowledging it.
				throw new SocketUnauthorizedException("connection limit per user reached");
			}
			sessionInfo.getAttributes().put(AUTHENTICATION, authentication);
			Instant expiresAt = jwt.getExpiresAt();
			if (expiresAt != null) {
				this.sessions.closeAt(sessionInfo.getId(), expiresAt);
			}
			return Map.of();
		}).doOnError(ex -> log.debug("WebSocket connection_init refused: {}", ex.getMessage()));
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (!(request instanceof WebSocketGraphQlRequest socketRequest)) {
			return chain.next(request);
		}
		Object authentication = socketRequest.getSessionInfo().getAttributes().get(AUTHENTICATION);
		if (!(authentication instanceof CallerAuthentication caller)) {
			return Mono.error(new SocketUnauthorizedException("request before an accepted connection_init"));
		}
		SecurityContext context = new SecurityContextImpl(caller);
		// The transport restored the handshake's (anonymous) security context on this thread and in the Reactor
		// context. The caller replaces it in both: on the thread while the rest of the chain is assembled and
		// subscribed (audit.ActorInterceptor reads it, the execution starts there), and in the Reactor context, from
		// which Spring for GraphQL restores it around each data fetcher.
		Mono<WebGraphQlResponse> response = Mono.fromDirect(subscriber -> {
			SecurityContext before = SecurityContextHolder.getContext();
			SecurityContextHolder.setContext(context);
			try {
				chain.next(request).subscribe(subscriber);
			}
			finally {
				SecurityContextHolder.setContext(before);
			}
		});
		return response.contextWrite(Context.of(SECURITY_CONTEXT_KEY, context));
	}

	@Override
	public void handleConnectionClosed(WebSocketSessionInfo sessionInfo, int statusCode,
			Map<String, Object> connectionInitPayload) {
		this.sessions.closed(sessionInfo.getId());
	}

	private static @Nullable String bearerToken(Map<String, Object> payload) {
		for (Map.Entry<String, Object> entry : payload.entrySet()) {
			if (entry.getKey().equalsIgnoreCase("Authorization") && entry.getValue() instanceof String value
					&& value.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
				String token = value.substring(BEARER.length()).trim();
				return token.isEmpty() ? null : token;
			}
		}
		return null;
	}

	/** A connection without an accepted token. */
	static final class SocketUnauthorizedException extends RuntimeException {

		SocketUnauthorizedException(String reason) {
			super(reason, null, false, false);
		}

	}

}
