package com.corpbank.portal.web;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits and policies of the HTTP edge. The defaults are production-safe: a small body limit, a per-user rate
 * limit sized for a person at the SPA, and no cross-origin access at all.
 *
 * @param maxRequestBody the largest request body accepted (a GraphQL document with its variables); larger is
 * HTTP 413 before anything parses it
 * @param rateLimit the per-user token bucket
 * @param cors the browser origins allowed to call the API
 */
@ConfigurationProperties("portal.web")
public record WebProperties(@DefaultValue("64KB") DataSize maxRequestBody, @DefaultValue RateLimit rateLimit,
		@DefaultValue Cors cors) {

	/**
	 * A token bucket per user (the token's {@code sub}): {@code capacity} requests at once, refilled at
	 * {@code refillPerSecond}.
	 *
	 * @param enabled off only where something in front of the service limits instead
	 * @param capacity the burst a user may send at once
	 * @param refillPerSecond the sustained rate
	 * @param maxUsers how many users' buckets are kept at most (least recently used go first)
	 */
	public record RateLimit(@DefaultValue("true") boolean enabled, @DefaultValue("100") int capacity,
			@DefaultValue("30") int refillPerSecond, @DefaultValue("100000") int maxUsers) {

		public RateLimit {
			if (capacity < 1 || refillPerSecond < 1 || maxUsers < 1) {
				throw new IllegalArgumentException(
						"portal.web.rate-limit: capacity, refill-per-second and max-users must be at least 1");
			}
		}

		/** How long an idle bucket takes to fill up again; after that, forgetting it changes nothing. */
		Duration timeToFill() {
			return Duration.ofMillis(Math.max(1000L, 1000L * this.capacity / this.refillPerSecond + 1000L));
		}

	}

	/**
	 * @param allowedOrigins exact origins (scheme, host, port) of the SPA; empty means no cross-origin access
	 */
	public record Cors(@DefaultValue List<String> allowedOrigins) {
	}

}
