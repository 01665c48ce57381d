package com.corpbank.portal.web;

import java.time.Duration;
import java.util.List;

import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * The edge's filters, in the order a request meets them: Spring Security (CORS, bearer token, then the per-user
 * {@link RateLimitFilter} inside its chain), then the body limit, then the GraphQL request shape.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

	/** Right after Spring Security's chain, so a refused request has been authenticated and counted first. */
	private static final int AFTER_SECURITY = SecurityFilterProperties.DEFAULT_FILTER_ORDER + 10;

	@Bean
	FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(WebProperties properties) {
		FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
				new RequestBodyLimitFilter(properties));
		registration.setOrder(AFTER_SECURITY);
		return registration;
	}

	@Bean
	FilterRegistrationBean<GraphQlRequestFilter> graphQlRequestFilter(
			@Value("${spring.graphql.http.path:/graphql}") String graphQlPath) {
		FilterRegistrationBean<GraphQlRequestFilter> registration = new FilterRegistrationBean<>(
				new GraphQlRequestFilter(graphQlPath));
		// Reads the body through the limit filter's counting stream, so it must come after it.
		registration.setOrder(AFTER_SECURITY + 1);
		return registration;
	}

	/**
	 * Replaces Tomcat's HTML error page (and Boot's own copy of it) with {@link JsonErrorReportValve}; ordered last so
	 * that it runs after Boot's customizer has added its valve.
	 */
	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> jsonErrorReportValve() {
		return factory -> factory.addContextCustomizers(context -> {
			Pipeline host = context.getParent().getPipeline();
			for (Valve valve : host.getValves()) {
				if (valve instanceof ErrorReportValve) {
					host.removeValve(valve);
				}
			}
			host.addValve(new JsonErrorReportValve());
			if (context.getParent() instanceof StandardHost standardHost) {
				// Else the host adds its default HTML valve again when it starts.
				standardHost.setErrorReportValveClass(JsonErrorReportValve.class.getName());
			}
		});
	}

	/** Added to the security chain by {@code SecurityConfiguration}; a pass-through when the limit is off. */
	@Bean
	RateLimitFilter rateLimitFilter(WebProperties properties) {
		return new RateLimitFilter(properties.rateLimit().enabled() ? new UserRateLimiter(properties.rateLimit()) : null);
	}

	/** Not a servlet filter of its own: it runs inside the security chain, where the caller is known. */
	@Bean
	FilterRegistrationBean<RateLimitFilter> rateLimitFilterRegistration(RateLimitFilter filter) {
		FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setEnabled(false);
		return registration;
	}

	/**
	 * The SPA's origins may call the GraphQL endpoint and the published SDL with a bearer token (no cookies, so no
	 * credentials mode); every other origin gets no CORS headers, and a browser then refuses to read the answer.
	 */
	@Bean
	CorsConfigurationSource corsConfigurationSource(WebProperties properties,
			@Value("${spring.graphql.http.path:/graphql}") String graphQlPath) {
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		List<String> origins = properties.cors().allowedOrigins();
		if (origins.isEmpty()) {
			return source;
		}
		CorsConfiguration api = new CorsConfiguration();
		api.setAllowedOrigins(origins);
		api.setAllowedMethods(List.of("POST", "GET"));
		api.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT));
		api.setExposedHeaders(List.of(HttpHeaders.RETRY_AFTER));
		api.setAllowCredentials(false);
		api.setMaxAge(Duration.ofHours(1));
		source.registerCorsConfiguration(graphQlPath, api);
		source.registerCorsConfiguration(graphQlPath + "/schema", api);
		return source;
	}

}
