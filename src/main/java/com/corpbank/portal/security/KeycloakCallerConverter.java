package com.corpbank.portal.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
		String subject = jwt.getSubject();
		if (subject == null || subject.isBlank()) {
			// Keycloak always sets sub; a token without one identifies nobody.
			throw new InvalidBearerTokenException("The token has no subject");
		}
		String username = jwt.getClaimAsString(USERNAME);
		if (username == null || username.isBlank()) {
			username = subject;
		}
		String displayName = firstNonBlank(jwt.getClaimAsString(DISPLAY_NAME), jwt.getClaimAsString("name"), username);
		Set<Role> roles = realmRoles(jwt);
		String orgUnit = jwt.getClaimAsString(ORG_UNIT);
		Caller caller = new Caller(subject, username, displayName, roles,
				(orgUnit == null || orgUnit.isBlank()) ? null : orgUnit);
		List<SimpleGrantedAuthority> authorities = roles.stream()
			.map(role -> new SimpleGrantedAuthority(role.authority()))
			.toList();
		return new CallerAuthentication(caller, jwt, authorities);
	}

	private static Set<Role> realmRoles(Jwt jwt) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		Map<String, Object> realmAccess = jwt.getClaimAsMap("realm_access");
		if (realmAccess != null && realmAccess.get("roles") instanceof Collection<?> names) {
			for (Object name : names) {
				if (name instanceof String value) {
					Role.fromClaim(value).ifPresent(roles::add);
				}
			}
		}
		return roles;
	}

	private static String firstNonBlank(String... values) {
		for (String value : values) {
			if (value != null && !value.isBlank()) {
				return value;
			}
		}
		return "";
	}

}
