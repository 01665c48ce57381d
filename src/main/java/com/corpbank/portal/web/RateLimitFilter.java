package com.corpbank.portal.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The per-user rate limit, placed in the security chain after authentication so that it counts people, keyed by
 * the token's {@code sub} (a name can be reused, the Keycloak user id cannot). Over the limit: HTTP 429 with
 * {@code Retry-After}. Requests without a token never get here as far as the API is concerned (they are 401).
 */
public class RateLimitFilter extends OncePerRequestFilter {

	static final String CODE = HttpErrors.codeOf(429);

	private final @Nullable UserRateLimiter limiter;

	RateLimitFilter(@Nullable UserRateLimiter limiter) {
		this.limiter = limiter;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (this.limiter != null && authentication != null && authentication.getCredentials() instanceof Jwt jwt
				&& jwt.getSubject() != null) {
			long retryAfter = this.limiter.tryAcquire(jwt.getSubject());
			if (retryAfter > 0) {
				response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
				HttpErrors.write(response, 429, CODE,
						"Too many requests; try again in " + retryAfter + " s.");
				return;
			}
		}
		chain.doFilter(request, response);
	}

}
