package com.corpbank.portal.hostile;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.corpbank.portal.support.TestIdentityProvider;
import org.jspecify.annotations.Nullable;

/** Authorization headers, good and bad, made at send time from the test identity provider. */
final class Tokens {

	private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

	private Tokens() {
	}

	static String rmLi() {
		return "Bearer " + TestIdentityProvider.get().token("rm_li");
	}

	static String rawRmLi() {
		return TestIdentityProvider.get().token("rm_li");
	}

	/** The bad tokens: each must be a bare 401 (or a 4xx for what HTTP itself refuses). */
	static Map<String, Supplier<@Nullable String>> bad() {
		TestIdentityProvider idp = TestIdentityProvider.get();
		return Map.ofEntries(Map.entry("no Authorization header", () -> null),
				Map.entry("empty Authorization header", () -> ""),
				Map.entry("scheme only", () -> "Bearer"),
				Map.entry("scheme and a space", () -> "Bearer "),
				Map.entry("garbage token", () -> "Bearer garbage"),
				Map.entry("three garbage parts", () -> "Bearer a.b.c"),
				Map.entry("five parts (JWE shape)", () -> "Bearer a.b.c.d.e"),
				Map.entry("Basic credentials", () -> "Basic cm1fbGk6cm1fbGk="),
				Map.entry("token without the Bearer scheme", Tokens::rawRmLi),
				Map.entry("alg none with rm_li's claims", () -> "Bearer " + algNone(rawRmLi())),
				Map.entry("HS256 signed with the public JWKS as secret", () -> "Bearer " + hmacForged(rawRmLi())),
				Map.entry("payload swapped to a risk officer, signature kept",
						() -> "Bearer " + tamperedPayload(rawRmLi())),
				Map.entry("signature cut off", () -> "Bearer " + rawRmLi().substring(0, rawRmLi().lastIndexOf('.') + 1)),
				Map.entry("token with trailing garbage", () -> rmLi() + ".x"),
				Map.entry("expired", () -> "Bearer " + idp.expiredToken("rm_li")),
				Map.entry("wrong issuer", () -> "Bearer " + idp.tokenFromIssuer("rm_li", "http://evil.example/realms/portal")),
				Map.entry("wrong audience", () -> "Bearer " + idp.tokenForAudience("rm_li", "another-api")),
				Map.entry("unknown key id", () -> "Bearer " + idp.tokenSignedByUnknownKey("rm_li")),
				Map.entry("wrong azp (a client not configured)",
						() -> "Bearer " + idp.token("rm_li", claims -> claims.claim("azp", "evil-client"))),
				Map.entry("no azp", () -> "Bearer " + idp.token("rm_li", claims -> claims.claim("azp", null))),
				Map.entry("not valid before an hour from now", () -> "Bearer " + idp.token("rm_li",
						claims -> claims.notBeforeTime(Date.from(Instant.now().plusSeconds(3600))))),
				Map.entry("20 KB of garbage", () -> "Bearer " + "A".repeat(20_000)));
	}

	/** The same header and payload, {@code alg: none}, no signature. */
	static String algNone(String token) {
		String[] parts = token.split("\\.");
		String header = B64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
		return header + "." + parts[1] + ".";
	}

	/** The classic key-confusion forgery: HMAC over the token with the service's public key material as secret. */
	static String hmacForged(String token) {
		String[] parts = token.split("\\.");
		String header = B64.encodeToString(
				"{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"test-key\"}".getBytes(StandardCharsets.UTF_8));
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(TestIdentityProvider.get().jwkSetUri().getBytes(StandardCharsets.UTF_8),
					"HmacSHA256"));
			byte[] signature = mac.doFinal((header + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
			return header + "." + parts[1] + "." + B64.encodeToString(signature);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A valid token whose payload is replaced by one claiming the RISK_OFFICER role. */
	static String tamperedPayload(String token) {
		String[] parts = token.split("\\.");
		String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
			.replace("\"RM\"", "\"RISK_OFFICER\"");
		return parts[0] + "." + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
	}

	/**
	 * Validly signed tokens whose claims have odd shapes: the service must neither fail nor widen the scope.
	 */
	static Map<String, Supplier<@Nullable String>> oddClaims() {
		TestIdentityProvider idp = TestIdentityProvider.get();
		return Map.of("roles as a string, not a list", () -> "Bearer " + idp.token("rm_li",
				claims -> claims.claim("realm_access", Map.of("roles", "RM"))),
				"roles as an object", () -> "Bearer " + idp.token("rm_li",
						claims -> claims.claim("realm_access", Map.of("roles", Map.of("$ne", "x")))),
				"realm_access as a list", () -> "Bearer " + idp.token("rm_li",
						claims -> claims.claim("realm_access", List.of("RISK_OFFICER"))),
				"org_unit as an object", () -> "Bearer " + idp.token("rm_li",
						claims -> claims.claim("org_unit", Map.of("$gt", ""))),
				"preferred_username as a number", () -> "Bearer " + idp.token("rm_li",
						claims -> claims.claim("preferred_username", 42)),
				"preferred_username with an operator", () -> "Bearer " + idp.token("rm_li",
						claims -> claims.claim("preferred_username", "{\"$ne\":null}")));
	}

}
