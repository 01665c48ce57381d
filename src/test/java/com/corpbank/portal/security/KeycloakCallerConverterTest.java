package com.corpbank.portal.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The claims mapping, including claims of shapes Keycloak never sends: they grant nothing and never throw. */
class KeycloakCallerConverterTest {

	private final KeycloakCallerConverter converter = new KeycloakCallerConverter();

	@Test
	void keycloakClaimsBecomeTheCaller() {
		Caller caller = convert(claims -> {
		});
		assertThat(caller).isEqualTo(new Caller("0b7e-sub", "rm_li", "李明", Set.of(Role.RM), "SH-PD-T1"));
	}

	@Test
	void oddlyShapedClaimsGrantNothing() {
		assertThat(convert(claims -> claims.claim("realm_access", List.of("RISK_OFFICER"))).roles()).isEmpty();
		assertThat(convert(claims -> claims.claim("realm_access", Map.of("roles", "RISK_OFFICER"))).roles()).isEmpty();
		assertThat(convert(claims -> claims.claim("realm_access", Map.of("roles", List.of(1, Map.of(), "RM")))).roles())
			.containsExactly(Role.RM);
		assertThat(convert(claims -> claims.claim("org_unit", List.of("HO"))).orgUnit()).isNull();
		assertThat(convert(claims -> claims.claim("preferred_username", Map.of("x", 1))).username())
			.isEqualTo("0b7e-sub");
	}

	@Test
	void aTokenWithoutSubjectIsRefused() {
		assertThatExceptionOfType(InvalidBearerTokenException.class)
			.isThrownBy(() -> convert(claims -> claims.claims(all -> all.remove("sub"))));
		assertThatExceptionOfType(InvalidBearerTokenException.class)
			.isThrownBy(() -> convert(claims -> claims.claim("sub", List.of("a"))));
	}

	private Caller convert(Consumer<Jwt.Builder> adjust) {
		Jwt.Builder builder = Jwt.withTokenValue("token")
			.header("alg", "RS256")
			.issuedAt(Instant.now())
			.expiresAt(Instant.now().plusSeconds(300))
			.subject("0b7e-sub")
			.claim("preferred_username", "rm_li")
			.claim("display_name", "李明")
			.claim("org_unit", "SH-PD-T1")
			.claim("realm_access", Map.of("roles", List.of("RM", "offline_access")));
		adjust.accept(builder);
		return this.converter.convert(builder.build()).getPrincipal();
	}

}
