package com.corpbank.portal.notification;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.graphql.autoconfigure.GraphQlCorsProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlWebSocketHandler;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code graphql-transport-ws} endpoint ({@code spring.graphql.websocket.path}): Spring for GraphQL's own
 * handler, as Boot would make it, that also records its sessions in {@link SocketSessions} so that a connection can
 * be closed when its token expires (the transport's interceptor sees session ids only).
 */
@Configuration(proxyBeanMethods = false)
class NotificationSocketConfiguration {

	@Bean
	SocketSessions socketSessions(TaskScheduler taskScheduler) {
		return new SocketSessions(taskScheduler);
	}

	@Bean
	GraphQlWebSocketHandler graphQlWebSocketHandler(WebGraphQlHandler webGraphQlHandler, GraphQlProperties properties,
			GraphQlCorsProperties corsProperties, JsonMapper jsonMapper, SocketSessions sessions) {
		GraphQlProperties.Websocket websocket = properties.getWebsocket();
		// The JSON converter Boot's own handler would use: Jackson with the application's mapper.
		return new TrackingHandler(webGraphQlHandler, new JacksonJsonHttpMessageConverter(jsonMapper),
				websocket.getConnectionInitTimeout(), websocket.getKeepAlive(), corsProperties.toCorsConfiguration(),
				sessions);
	}

	private static final class TrackingHandler extends GraphQlWebSocketHandler {

		private final SocketSessions sessions;

		TrackingHandler(WebGraphQlHandler handler, HttpMessageConverter<Object> converter, Duration initTimeout,
				@Nullable Duration keepAlive, @Nullable CorsConfiguration cors, SocketSessions sessions) {
			super(handler, converter, initTimeout, keepAlive, cors);
			this.sessions = sessions;
		}

		@Override
		public void afterConnectionEstablished(WebSocketSession session) {
			this.sessions.opened(session);
			super.afterConnectionEstablished(session);
		}

		@Override
		public void afterConnectionClosed(WebSocketSession session, CloseStatus closeStatus) {
			try {
				super.afterConnectionClosed(session, closeStatus);
			}
			finally {
				this.sessions.closed(session.getId());
			}
		}

	}

}
