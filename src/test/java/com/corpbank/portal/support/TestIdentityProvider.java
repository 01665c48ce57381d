package com.corpbank.portal.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.corpbank.portal.seed.DemoDirectory;
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
 * A stand-in for Keycloak in most tests: a key pair made for this instance, its public half served as a JWKS on a
 * loopback port (so the service's real decoder fetches and checks it), and tokens shaped like Keycloak's, issued
 * to the SPA client ({@code azp: portal-spa}). The end-to-end suite uses the real Keycloak instead.
 *
 * <p>The users are the people of the demo org directory ({@link DemoDirectory}, the file the realm agrees with), so
 * each token's {@code sub} is the user's Keycloak id there, plus two users the realm lacks (see {@link #USERS}).
 *
 * <p>{@link #get()} is the instance the shared {@code @PortalTest} context trusts. Tests that break the JWKS
 * endpoint ({@link #stopServingKeys()}) make their own with {@link #start()} and their own context.
 */
public final class TestIdentityProvider implements AutoCloseable {

	public static final String ISSUER = "http://localhost:8180/realms/portal-test";

	public static final String AUDIENCE = "portal-api";

	/** The realm client the SPA signs in with: the only one production accepts. */
	public static final String SPA_CLIENT = "portal-spa";

	/**
	 * The directory's people, and two more: {@code lead_rm_wang} is rm_wang (same Keycloak id) holding TEAM_LEAD
	 * too, and {@code nobody} holds no portal role.
	 */
	private static final Map<String, TestUser> USERS = users();

	private static final TestIdentityProvider SHARED = start();

	private final RSAKey signingKey;

	private final RSAKey unknownKey;

	private final HttpServer jwksServer;

	private final AtomicInteger jwksFetches = new AtomicInteger();

	private final AtomicBoolean servingKeys = new AtomicBoolean(true);

	private TestIdentityProvider() {
		try {
			this.signingKey = new RSAKeyGenerator(2048).keyID("test-key").generate();
			this.unknownKey = new RSAKeyGenerator(2048).keyID("unknown-key").generate();
			byte[] jwks = new JWKSet(this.signingKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
			this.jwksServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			this.jwksServer.createContext("/certs", exchange -> {
				this.jwksFetches.incrementAndGet();
				if (!this.servingKeys.get()) {
					// What a reverse proxy in front of a stopped Keycloak answers.
					exchange.sendResponseHeaders(503, -1);
					exchange.close();
					return;
				}
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

	/** The identity provider of the shared test context. */
	public static TestIdentityProvider get() {
		return SHARED;
	}

	/** A new identity provider with its own keys and JWKS endpoint; close it when done. */
	public static TestIdentityProvider start() {
		return new TestIdentityProvider();
	}

	@Override
	public void close() {
		this.jwksServer.stop(0);
	}

	public String jwkSetUri() {
		return "http://127.0.0.1:" + this.jwksServer.getAddress().getPort() + "/certs";
	}

	/** How many times the JWKS endpoint was asked, served or not. */
	public int jwksFetches() {
		return this.jwksFetches.get();
	}

	/** The JWKS endpoint answers 503 until {@link #resumeServingKeys()}: Keycloak is down. */
	public void stopServingKeys() {
		this.servingKeys.set(false);
	}

	public void resumeServingKeys() {
		this.servingKeys.set(true);
	}

	/** The Keycloak user id ({@code sub}) of a test user. */
	public static String subjectOf(String username) {
		return user(username).subject();
	}

	/** A valid access token of a test user, issued to the SPA client. */
	public String token(String username) {
		return sign(this.signingKey, claims(username).build());
	}

	/**
	 * A token of a test user with some claims changed, e.g. {@code claims -> claims.claim("azp", "portal-cli")},
	 * {@code claims.subject(...)}, {@code claims.claim("org_unit", "HO")}.
	 */
	public String token(String username, Consumer<JWTClaimsSet.Builder> adjust) {
		JWTClaimsSet.Builder claims = claims(username);
		adjust.accept(claims);
		return sign(this.signingKey, claims.build());
	}

	public String expiredToken(String username) {
		Instant past = Instant.now().minus(Duration.ofHours(2));
		return token(username,
				claims -> claims.issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(300))));
	}

	public String tokenFromIssuer(String username, String issuer) {
		return token(username, claims -> claims.issuer(issuer));
	}

	public String tokenForAudience(String username, String audience) {
		return token(username, claims -> claims.audience(audience));
	}

	/** Well-formed and well-claimed, but signed by a key the JWKS does not publish. */
	public String tokenSignedByUnknownKey(String username) {
		return sign(this.unknownKey, claims(username).build());
	}

	private static JWTClaimsSet.Builder claims(String username) {
		TestUser user = user(username);
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().issuer(ISSUER)
			.audience(List.of(AUDIENCE, "account"))
			.subject(user.subject())
			.claim("azp", SPA_CLIENT)
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

	private static TestUser user(String username) {
		TestUser user = USERS.get(username);
		if (user == null) {
			throw new IllegalArgumentException("no test user " + username);
		}
		return user;
	}

	private static Map<String, TestUser> users() {
		Map<String, TestUser> users = new LinkedHashMap<>();
		for (DemoDirectory.Person person : DemoDirectory.get().people()) {
			users.put(person.username(),
					testUser(person.id(), person.displayName(), person.orgUnit(), person.roles()));
		}
		users.put("lead_rm_wang", testUser(DemoDirectory.get().person("rm_wang").id(), "王芳", "SH-PD-T2",
				List.of("TEAM_LEAD", "RM")));
		users.put("nobody", testUser("0a6c4a8e-2f4e-4d57-9d7e-5b1d3c0f9a11", "无角色", "HO", List.of()));
		return Map.copyOf(users);
	}

	private static TestUser testUser(String subject, String displayName, String orgUnit, List<String> roles) {
		// Keycloak adds roles of its own; the service must ignore them.
		List<String> claimRoles = new ArrayList<>(roles);
		claimRoles.add("offline_access");
		return new TestUser(subject, displayName, orgUnit, List.copyOf(claimRoles));
	}

	private record TestUser(String subject, String displayName, String orgUnit, List<String> roles) {
	}

}
