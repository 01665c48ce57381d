package com.corpbank.portal.security;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Who is calling: the one view of a Keycloak token the rest of the code receives.
 *
 * @param orgUnit code of the caller's unit in the org tree (team, sub-branch, branch or HO), if the token has one
 */
public record Caller(String username, String displayName, Set<Role> roles, @Nullable String orgUnit) {

	public Caller {
		roles = Set.copyOf(roles);
	}

	public boolean has(Role role) {
		return this.roles.contains(role);
	}

}
