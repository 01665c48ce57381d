package com.corpbank.portal.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UserRateLimiterTest {

	@Test
	void bucketsAreBoundedByMaxUsers() {
		UserRateLimiter limiter = new UserRateLimiter(new WebProperties.RateLimit(true, 3, 1, 50));
		for (int i = 0; i < 5_000; i++) {
			limiter.tryAcquire("user-" + i);
		}
		assertThat(limiter.trackedUsers()).isLessThanOrEqualTo(50);
	}

	@Test
	void waitIsReportedInWholeSecondsOfAtLeastOne() {
		UserRateLimiter limiter = new UserRateLimiter(new WebProperties.RateLimit(true, 2, 30, 10));
		assertThat(limiter.tryAcquire("a")).isZero();
		assertThat(limiter.tryAcquire("a")).isZero();
		// The next token is 1/30 s away: still "1", never "0" (which would invite an immediate retry).
		assertThat(limiter.tryAcquire("a")).isEqualTo(1);
	}

	@Test
	void slowRefillReportsTheFullWait() {
		UserRateLimiter limiter = new UserRateLimiter(new WebProperties.RateLimit(true, 1, 1, 10));
		assertThat(limiter.tryAcquire("a")).isZero();
		assertThat(limiter.tryAcquire("a")).isEqualTo(1);
	}

}
