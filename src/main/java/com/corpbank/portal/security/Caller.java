package com.corpbank.portal.security;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Who is calling: the one view of a Keycloak token the rest of the code receives.
 *
 * @param subject the Keycloak user id ({@code sub}): the identity that decides what the caller may see; stays the
 * same when the user is renamed, and differs for a re-created user of the same name
 * @param username {@code preferred_username}: for display and logs, never for access decisions
 * @param orgUnit code of the caller's unit in the org tree (team, sub-branch, branch or HO), as the token claims it;
 * checked against the org directory before it grants anything
 */
public record Caller(String subject, String username, String displayName, Set<Role> roles, @Nullable String orgUnit) {

	public Caller {
		roles = Set.copyOf(roles);
	}

	public boolean has(Role role) {
		return this.roles.contains(role);
	}

}
