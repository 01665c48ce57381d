package com.corpbank.portal.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;

/**
 * The one place that reads Keycloak claims: {@code sub} (the identity), {@code preferred_username},
 * {@code display_name} (falling back to {@code name}), realm roles from {@code realm_access.roles} and the org unit
 * from {@code org_unit}. It reads claims only: what they grant is decided later, against the org directory, where
 * data is read ({@code access.CallerScopes}), so that no store lookup runs inside the authentication filter.
 */
@Component
public class KeycloakCallerConverter implements Converter<Jwt, CallerAuthentication> {

	static final String USERNAME = "preferred_username";

	static final String DISPLAY_NAME = "display_name";

	static final String ORG_UNIT = "org_unit";

	@Override
	public CallerAuthentication convert(Jwt jwt) {
		String subject = stringClaim(jwt, "sub");
		if (subject == null || subject.isBlank()) {
			// Keycloak always sets sub; a token without one identifies nobody.
			throw new InvalidBearerTokenException("The token has no subject");
		}
		String username = stringClaim(jwt, USERNAME);
		if (username == null || username.isBlank()) {
			username = subject;
		}
		String displayName = firstNonBlank(stringClaim(jwt, DISPLAY_NAME), stringClaim(jwt, "name"), username);
		Set<Role> roles = realmRoles(jwt);
		String orgUnit = stringClaim(jwt, ORG_UNIT);
		Caller caller = new Caller(subject, username, displayName, roles,
				(orgUnit == null || orgUnit.isBlank()) ? null : orgUnit);
		List<SimpleGrantedAuthority> authorities = roles.stream()
			.map(role -> new SimpleGrantedAuthority(role.authority()))
			.toList();
		return new CallerAuthentication(caller, jwt, authorities);
	}

	private static Set<Role> realmRoles(Jwt jwt) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		// Read raw: getClaimAsMap throws on a claim of another shape, and an odd claim grants nothing, not a 500.
		if (jwt.getClaims().get("realm_access") instanceof Map<?, ?> realmAccess
				&& realmAccess.get("roles") instanceof Collection<?> names) {
			for (Object name : names) {
				if (name instanceof String value) {
					Role.fromClaim(value).ifPresent(roles::add);
				}
			}
		}
		return roles;
	}

	/** A claim that is a string; any other shape (a list, an object) counts as absent. */
	private static @Nullable String stringClaim(Jwt jwt, String name) {
		return (jwt.getClaims().get(name) instanceof String value) ? value : null;
	}

	private static String firstNonBlank(@Nullable String... values) {
		for (String value : values) {
			if (value != null && !value.isBlank()) {
				return value;
			}
		}
		return "";
	}

}
