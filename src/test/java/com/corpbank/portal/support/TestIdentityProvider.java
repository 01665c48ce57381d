package com.corpbank.portal.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for Keycloak in most tests: a key pair made for this JVM, its public half served as a JWKS on a
 * loopback port (so the service's real decoder fetches and checks it), and tokens shaped like Keycloak's.
 * The end-to-end suite uses the real Keycloak instead.
 */
public final class TestIdentityProvider {

	public static final String ISSUER = "http://localhost:8180/realms/portal-test";

	public static final String AUDIENCE = "portal-api";

	/** The demo users: username → role(s) and org unit, as in the Keycloak realm. */
	private static final Map<String, TestUser> USERS = Map.ofEntries(
			user("rm_li", "李明", "SH-PD-T1", "RM"), user("rm_zhang", "张强", "SH-PD-T1", "RM"),
			user("rm_wang", "王芳", "SH-PD-T2", "RM"), user("rm_xu", "徐静", "SH-HP-T1", "RM"),
			user("rm_zhao", "赵伟", "BJ-HD-T1", "RM"), user("lead_sun", "孙磊", "SH-PD-T1", "TEAM_LEAD"),
			user("mgr_chen", "陈刚", "SH", "BRANCH_MANAGER"), user("risk_zhou", "周敏", "HO", "RISK_OFFICER"),
			user("analyst_wu", "吴婷", "HO", "HEAD_OFFICE_ANALYST"), user("admin", "系统管理员", "HO", "ADMIN"),
			user("auditor_qian", "钱诚", "HO", "AUDITOR"),
			// Not in the realm: a lead who is also an RM, and a user with no portal role.
			user("lead_rm_wang", "王芳", "SH-PD-T2", "TEAM_LEAD", "RM"), user("nobody", "无角色", "HO"));

	private static final TestIdentityProvider INSTANCE = new TestIdentityProvider();

	private final RSAKey signingKey;

	private final RSAKey unknownKey;

	private final HttpServer jwksServer;

	private TestIdentityProvider() {
		try {
			this.signingKey = new RSAKeyGenerator(2048).keyID("test-key").generate();
			this.unknownKey = new RSAKeyGenerator(2048).keyID("unknown-key").generate();
			byte[] jwks = new JWKSet(this.signingKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
			this.jwksServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			this.jwksServer.createContext("/certs", exchange -> {
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, jwks.length);
				try (OutputStream body = exchange.getResponseBody()) {
					body.write(jwks);
				}
			});
			this.jwksServer.setExecutor(null);
			this.jwksServer.start();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static TestIdentityProvider get() {
		return INSTANCE;
	}

	public String jwkSetUri() {
		return "http://127.0.0.1:" + this.jwksServer.getAddress().getPort() + "/certs";
	}

	/** A valid access token of a demo user. */
	public String token(String username) {
		return sign(this.signingKey, claims(username).build());
	}

	public String expiredToken(String username) {
		Instant past = Instant.now().minus(Duration.ofHours(2));
		return sign(this.signingKey,
				claims(username).issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(300))).build());
	}

	public String tokenFromIssuer(String username, String issuer) {
		return sign(this.signingKey, claims(username).issuer(issuer).build());
	}

	public String tokenForAudience(String username, String audience) {
		return sign(this.signingKey, claims(username).audience(audience).build());
	}

	/** Well-formed and well-claimed, but signed by a key the JWKS does not publish. */
	public String tokenSignedByUnknownKey(String username) {
		return sign(this.unknownKey, claims(username).build());
	}

	private JWTClaimsSet.Builder claims(String username) {
		TestUser user = USERS.get(username);
		if (user == null) {
			throw new IllegalArgumentException("no test user " + username);
		}
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().issuer(ISSUER)
			.audience(List.of(AUDIENCE, "account"))
			.subject("sub-" + username)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(300)))
			.claim("preferred_username", username)
			.claim("display_name", user.displayName())
			.claim("org_unit", user.orgUnit())
			.claim("realm_access", Map.of("roles", user.roles()));
	}

	private static String sign(RSAKey key, JWTClaimsSet claims) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
					claims);
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Map.Entry<String, TestUser> user(String username, String displayName, String orgUnit,
			String... roles) {
		// Keycloak adds roles of its own; the service must ignore them.
		List<String> claimRoles = new java.util.ArrayList<>(List.of(roles));
		claimRoles.add("offline_access");
		return Map.entry(username, new TestUser(displayName, orgUnit, List.copyOf(claimRoles)));
	}

	private record TestUser(String displayName, String orgUnit, List<String> roles) {
	}

}
