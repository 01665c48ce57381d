package com.corpbank.portal.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The cache of validated tokens: what it keeps, for how long, and what it never keeps. */
class ValidatedTokenCacheTests {

	static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

	final List<String> decoded = new ArrayList<>();

	/** A decoder that accepts tokens starting with "good" (expiring in 5 minutes) and counts its calls. */
	final JwtDecoder decoder = token -> {
		this.decoded.add(token);
		if (!token.startsWith("good")) {
			throw new BadJwtException("refused");
		}
		return Jwt.withTokenValue(token).header("alg", "RS256").subject("sub-" + token).issuedAt(NOW)
			.expiresAt(NOW.plus(Duration.ofMinutes(5))).build();
	};

	@Test
	void aTokenAlreadyValidatedIsNotCheckedAgain() {
		ValidatedTokenCache cache = new ValidatedTokenCache(this.decoder, Duration.ofMinutes(5), clockAt(NOW));
		Jwt first = cache.decode("good-1");
		Jwt second = cache.decode("good-1");
		assertThat(second).isSameAs(first);
		assertThat(this.decoded).containsExactly("good-1");
		cache.decode("good-2");
		assertThat(this.decoded).containsExactly("good-1", "good-2");
	}

	@Test
	void aRefusedTokenIsCheckedEveryTime() {
		ValidatedTokenCache cache = new ValidatedTokenCache(this.decoder, Duration.ofMinutes(5), clockAt(NOW));
		for (int i = 0; i < 3; i++) {
			assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> cache.decode("forged"));
		}
		assertThat(this.decoded).containsExactly("forged", "forged", "forged");
	}

	@Test
	void aTokenPastItsExpiryIsCheckedAgainAndRefused() {
		MovableClock clock = new MovableClock(NOW);
		ValidatedTokenCache cache = new ValidatedTokenCache(this.decoder, Duration.ofHours(1), clock);
		cache.decode("good-1");
		clock.now = NOW.plus(Duration.ofMinutes(5));
		// The delegate decides now (a real one refuses an expired token); the cache did not answer by itself.
		cache.decode("good-1");
		assertThat(this.decoded).containsExactly("good-1", "good-1");
	}

	@Test
	void aTokenWithoutExpiryIsNeverKept() {
		JwtDecoder noExpiry = token -> {
			this.decoded.add(token);
			return Jwt.withTokenValue(token).header("alg", "RS256").subject("s").build();
		};
		ValidatedTokenCache cache = new ValidatedTokenCache(noExpiry, Duration.ofMinutes(5), clockAt(NOW));
		cache.decode("t");
		cache.decode("t");
		assertThat(this.decoded).containsExactly("t", "t");
	}

	@Test
	void anEntryLivesNoLongerThanTheKeySet() throws InterruptedException {
		// The key set is cached 200 ms here: past that the token is checked again (as a withdrawn key would refuse it).
		ValidatedTokenCache cache = new ValidatedTokenCache(this.decoder, Duration.ofMillis(200), clockAt(NOW));
		cache.decode("good-1");
		cache.decode("good-1");
		assertThat(this.decoded).hasSize(1);
		Thread.sleep(400);
		cache.decode("good-1");
		assertThat(this.decoded).hasSize(2);
	}

	private static Clock clockAt(Instant instant) {
		return Clock.fixed(instant, ZoneOffset.UTC);
	}

	static final class MovableClock extends Clock {

		Instant now;

		MovableClock(Instant now) {
			this.now = now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
