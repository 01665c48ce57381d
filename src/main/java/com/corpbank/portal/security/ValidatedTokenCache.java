package com.corpbank.portal.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * A {@link JwtDecoder} that remembers the tokens it has validated: an SPA sends the same access token with every
 * request for minutes, and checking its RSA signature and claims each time was a tenth of a page's CPU. Only tokens
 * that passed every check are kept, keyed by the SHA-256 of the whole token (a token differing in any byte, e.g. a
 * forged signature, is a different key and is checked in full). An entry lives until the token's own {@code exp}, and
 * never longer than the key set that validated it is cached ({@code portal.security.jwks.cache-ttl}): a key the
 * realm withdraws stops a token in the same time as without this cache. Bounded: the least recently used go first.
 */
final class ValidatedTokenCache implements JwtDecoder {

	/** Enough for the tokens of every user of a large bank's portal in one key-set lifetime. */
	static final long MAX_TOKENS = 20_000;

	private final JwtDecoder decoder;

	private final Clock clock;

	private final Cache<String, Jwt> validated;

	ValidatedTokenCache(JwtDecoder decoder, Duration keySetTtl, Clock clock) {
		this.decoder = decoder;
		this.clock = clock;
		this.validated = Caffeine.newBuilder()
			.maximumSize(MAX_TOKENS)
			.expireAfter(Expiry.<String, Jwt>creating((key, jwt) -> lifetime(jwt, keySetTtl)))
			.build();
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		String key = sha256(token);
		Jwt cached = this.validated.getIfPresent(key);
		// Caffeine's expiry runs on its own ticker; the token's exp is checked against the clock as well.
		if (cached != null && cached.getExpiresAt() != null && this.clock.instant().isBefore(cached.getExpiresAt())) {
			return cached;
		}
		Jwt jwt = this.decoder.decode(token);
		if (jwt.getExpiresAt() != null) {
			this.validated.put(key, jwt);
		}
		return jwt;
	}

	private Duration lifetime(Jwt jwt, Duration keySetTtl) {
		Instant expiresAt = jwt.getExpiresAt();
		Duration untilExpiry = (expiresAt != null) ? Duration.between(this.clock.instant(), expiresAt) : Duration.ZERO;
		Duration lifetime = (untilExpiry.compareTo(keySetTtl) < 0) ? untilExpiry : keySetTtl;
		return lifetime.isNegative() ? Duration.ZERO : lifetime;
	}

	private static String sha256(String token) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JRE has SHA-256", ex);
		}
	}

}
