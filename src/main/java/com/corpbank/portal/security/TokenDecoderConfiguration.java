package com.corpbank.portal.security;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Clock;
import java.util.List;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * How a Keycloak access token is checked: signature from the realm's JWKS, exact issuer, our audience, an allowed
 * client ({@code azp}), not expired; a token that passed is remembered until it expires ({@link ValidatedTokenCache}).
 * Kept apart from the filter chain ({@link SecurityConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
class TokenDecoderConfiguration {

	/** Keycloak's "authorized party": the realm client the token was issued to. */
	static final String AUTHORIZED_PARTY = "azp";

	@Bean
	JwtDecoder jwtDecoder(SecurityProperties properties) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(jwkSource(properties)).build();
		decoder.setJwtValidator(validator(properties));
		// The validator's own clock is the system's: the cache checks expiry against the same.
		return new ValidatedTokenCache(decoder, properties.jwks().cacheTtl(), Clock.systemUTC());
	}

	static OAuth2TokenValidator<Jwt> validator(SecurityProperties properties) {
		OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
				aud -> aud != null && aud.contains(properties.audience()));
		// Any client of the realm can carry our audience; only the ones this deployment serves are accepted.
		OAuth2TokenValidator<Jwt> client = new JwtClaimValidator<String>(AUTHORIZED_PARTY,
				azp -> azp != null && properties.allowedClients().contains(azp));
		return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(properties.issuerUri()),
				audience, client);
	}

	/**
	 * Spring Security 7.1's {@code withJwkSetUri} builds Nimbus's source with a fixed 5-minute cache and both rate
	 * limiting and refresh-ahead switched off: a flood of tokens with forged key ids then costs one JWKS fetch
	 * each, and an expired cache during a Keycloak outage refuses every token. So the source is built here,
	 * explicitly: cached, refreshed ahead in the background, refetched for an unknown key id at most once per
	 * interval, and the last good key set kept through an outage (see {@link SecurityProperties.Jwks}).
	 */
	static JWKSource<SecurityContext> jwkSource(SecurityProperties properties) {
		SecurityProperties.Jwks jwks = properties.jwks();
		int timeout = (int) jwks.httpTimeout().toMillis();
		DefaultResourceRetriever retriever = new DefaultResourceRetriever(timeout, timeout,
				JWKSourceBuilder.DEFAULT_HTTP_SIZE_LIMIT);
		JWKSource<SecurityContext> source = JWKSourceBuilder.<SecurityContext>create(url(properties.jwkSetUri()), retriever)
			.cache(jwks.cacheTtl().toMillis(), jwks.httpTimeout().toMillis())
			.refreshAheadCache(jwks.refreshAhead().toMillis(), false)
			.rateLimited(jwks.minRefetchInterval().toMillis())
			.outageTolerant(jwks.outageTolerance().toMillis())
			.retrying(false)
			.build();
		return withoutRateLimitErrors(source);
	}

	/**
	 * A key id the realm does not publish, asked for again before the rate limit lets another refetch through,
	 * makes Nimbus throw {@link RateLimitReachedException}, which Spring turns into a server error (HTTP 500). It
	 * is the token's fault, not the server's: answered as "no such key", so the token is refused with a 401.
	 */
	private static JWKSource<SecurityContext> withoutRateLimitErrors(JWKSource<SecurityContext> source) {
		return (selector, context) -> {
			try {
				return source.get(selector, context);
			}
			catch (RateLimitReachedException ex) {
				return List.of();
			}
		};
	}

	private static URL url(String uri) {
		try {
			return URI.create(uri).toURL();
		}
		catch (MalformedURLException | IllegalArgumentException ex) {
			throw new IllegalStateException("portal.security.jwk-set-uri is not a URL: " + uri, ex);
		}
	}

}
