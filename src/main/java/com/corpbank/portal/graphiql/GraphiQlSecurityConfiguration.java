package com.corpbank.portal.graphiql;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import com.corpbank.portal.security.SecurityProperties;

/**
 * The page's own filter chain, ahead of the API's: {@code /graphiql} and its files are readable without a token
 * (the page signs in by itself), only with GET, and carry headers that keep the page to this service and Keycloak.
 */
@Configuration(proxyBeanMethods = false)
class GraphiQlSecurityConfiguration {

	@Bean
	@Order(1)
	SecurityFilterChain graphiQlPageFilterChain(HttpSecurity http, SecurityProperties security) throws Exception {
		String policy = contentSecurityPolicy(KeycloakRealm.ofIssuer(security.issuerUri()).origin());
		http.securityMatcher("/graphiql", "/graphiql/**")
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(HttpMethod.GET, "/graphiql", "/graphiql/**").permitAll()
				.requestMatchers(HttpMethod.HEAD, "/graphiql", "/graphiql/**").permitAll()
				.anyRequest().denyAll())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			// Read-only static files, no cookies and no session: nothing for a forged request to change.
			.csrf(csrf -> csrf.disable())
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives(policy))
				.frameOptions(frame -> frame.deny())
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
		// X-Content-Type-Options: nosniff and no-store cache headers for non-assets are Spring Security's defaults.
		return http.build();
	}

	/**
	 * Only this service and the Keycloak issuer. keycloak-js calls Keycloak's token endpoint ({@code connect-src}) and
	 * navigates to its login and logout pages (top-level navigations, which CSP does not restrict); it needs no
	 * iframe because the page turns the session-status iframe off. Monaco injects {@code <style>} elements (hence
	 * inline styles) and starts its language workers from this origin (blob: for its fallback).
	 */
	static String contentSecurityPolicy(String keycloakOrigin) {
		return String.join("; ",
				"default-src 'self'",
				"script-src 'self'",
				"style-src 'self' 'unsafe-inline'",
				"img-src 'self' data:",
				"font-src 'self' data:",
				"worker-src 'self' blob:",
				"connect-src 'self' " + keycloakOrigin,
				"form-action 'self' " + keycloakOrigin,
				"frame-src 'none'",
				"frame-ancestors 'none'",
				"base-uri 'none'",
				"object-src 'none'");
	}

}
