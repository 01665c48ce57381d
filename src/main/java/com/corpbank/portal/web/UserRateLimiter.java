package com.corpbank.portal.web;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * One token bucket per user. Buckets live in a bounded map and are forgotten once idle for as long as an empty
 * bucket takes to fill, when a fresh one would be just the same: memory stays bounded by the number of users
 * active in that window, at most {@code max-users}.
 */
class UserRateLimiter {

	private final Bandwidth limit;

	private final Cache<String, Bucket> buckets;

	UserRateLimiter(WebProperties.RateLimit properties) {
		this.limit = Bandwidth.builder()
			.capacity(properties.capacity())
			.refillGreedy(properties.refillPerSecond(), Duration.ofSeconds(1))
			.build();
		this.buckets = Caffeine.newBuilder()
			.maximumSize(properties.maxUsers())
			.expireAfterAccess(properties.timeToFill())
			.build();
	}

	/** Takes one request from the user's bucket; zero when allowed, else the whole seconds to wait (at least 1). */
	long tryAcquire(String user) {
		Bucket bucket = this.buckets.get(user, key -> Bucket.builder().addLimit(this.limit).build());
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		if (probe.isConsumed()) {
			return 0;
		}
		long nanos = probe.getNanosToWaitForRefill();
		return Math.max(1, (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1));
	}

	long trackedUsers() {
		this.buckets.cleanUp();
		return this.buckets.estimatedSize();
	}

}
