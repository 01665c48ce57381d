package com.corpbank.portal.security;

import java.io.IOException;

import com.corpbank.portal.ops.ManagementPort;
import com.corpbank.portal.web.HttpErrors;
import com.corpbank.portal.web.RateLimitFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.web.cors.CorsConfigurationSource;

/**
 * A stateless OAuth2 resource server: every request but health (and the separate management port, see
 * {@link ManagementPort}) needs a valid Keycloak access token
 * (validated by {@link TokenDecoderConfiguration}); anything else is HTTP 401. CORS for the SPA's origins and the
 * per-user rate limit are part of the same chain (their rules live in {@code com.corpbank.portal.web}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, KeycloakCallerConverter callerConverter,
			CorsConfigurationSource corsConfigurationSource, RateLimitFilter rateLimitFilter, ManagementPort managementPort,
			@Value("${spring.graphql.websocket.path}") String socketPath) throws Exception {
		http.authorizeHttpRequests(requests -> requests
			// The separate management port (management.server.port; infra/k8s: 8081, never routed by the public
			// Service): health probes and the Prometheus scrape, for the kubelet and Prometheus inside the cluster.
			.requestMatchers(managementPort.requests()).permitAll()
			// Only health is public (and it shows no details).
			.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
			// The Prometheus scrape only on the management port: here it is refused to every caller, signed in or not.
			.requestMatchers("/actuator/prometheus", "/actuator/prometheus/**").denyAll()
			// The WebSocket handshake of live notifications: a browser cannot send a header on it; the token is checked
			// in the connection_init message instead (notification.SocketAuthentication), before anything executes.
			.requestMatchers(socketPath).permitAll()
			// The container's error dispatch of a request already let through (or refused) above.
			.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
			.anyRequest().authenticated())
			// Before the token check: a browser's preflight carries no token.
			.cors(cors -> cors.configurationSource(corsConfigurationSource))
			.oauth2ResourceServer(resourceServer -> resourceServer
				.jwt(jwt -> jwt.jwtAuthenticationConverter(callerConverter))
				.authenticationEntryPoint(SecurityConfiguration::unauthorized)
				.withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
					@Override
					public <F extends BearerTokenAuthenticationFilter> F postProcess(F filter) {
						filter.setAuthenticationFailureHandler(SecurityConfiguration::tokenNotAccepted);
						return filter;
					}
				}))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(SecurityConfiguration::unauthorized))
			// Counts authenticated callers only: anonymous requests were refused just before.
			.addFilterAfter(rateLimitFilter, AuthorizationFilter.class)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// Bearer tokens only, no cookies: there is no session for a cross-site request to ride on.
			.csrf(csrf -> csrf.disable());
		// Spring Security's default headers stay on (nosniff, no-store, X-Frame-Options DENY): SecurityHeadersTests.
		return http.build();
	}

	/**
	 * A token that could not be checked at all (Keycloak unreachable and no signing keys cached yet, e.g. right after
	 * a start) is the identity provider's outage, not the caller's fault: 503 with a GraphQL-shaped body, where
	 * Spring's default rethrows and the container answers 500. Every other refusal is the bare 401 below.
	 */
	private static void tokenNotAccepted(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException ex) throws IOException {
		if (ex instanceof AuthenticationServiceException) {
			log.warn("Cannot check bearer tokens: the identity provider's signing keys are unavailable ({})",
					ex.getMessage());
			response.setHeader(HttpHeaders.RETRY_AFTER, "5");
			HttpErrors.write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "UNAVAILABLE",
					"Sign-in cannot be checked at the moment; please try again shortly.");
			return;
		}
		unauthorized(request, response, ex);
	}

	/**
	 * A bare 401. Spring's default puts the decoder's reason into {@code error_description} (library messages
	 * such as "no matching key(s) found"); the caller learns only that the token was refused, the log says why.
	 */
	private static void unauthorized(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException ex) {
		boolean tokenSent = ex instanceof OAuth2AuthenticationException;
		if (tokenSent) {
			log.debug("Bearer token refused: {}", ex.getMessage());
		}
		response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, tokenSent ? "Bearer error=\"invalid_token\"" : "Bearer");
	}

}
