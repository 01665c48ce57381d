package com.corpbank.portal.access;

import java.util.EnumSet;
import java.util.Set;

import com.corpbank.portal.security.Caller;
import com.corpbank.portal.security.Role;
import org.springframework.stereotype.Component;

/** {@link Permissions} applied to a caller: may they use an operation, and on which clients. */
@Component
public class PermissionModel {

	private final CallerScopes callerScopes;

	PermissionModel(CallerScopes callerScopes) {
		this.callerScopes = callerScopes;
	}

	/** True when one of the caller's roles is allowed the operation or field; false when no rule is declared. */
	public boolean allows(Caller caller, String coordinate) {
		return Permissions.rule(coordinate).map(rule -> rule.allows(caller.roles())).orElse(false);
	}

	/**
	 * The clients the caller may act on through this operation: the row scope of only those of their roles the
	 * operation's rule allows; every client for a role the rule names bank-wide. NOTHING when no rule or no role allows
	 * it.
	 */
	public ClientScope scopeFor(Caller caller, String coordinate) {
		Permissions.Rule rule = Permissions.rule(coordinate).orElse(null);
		if (rule == null || !rule.allows(caller.roles())) {
			return ClientScope.NOTHING;
		}
		if (caller.roles().stream().anyMatch(rule.bankWide()::contains)) {
			// A role the rule lets act on every client (ADMIN re-evaluating any client's tier).
			return ClientScope.EVERYTHING;
		}
		if (rule.anySignedIn()) {
			return this.callerScopes.clientScope(caller);
		}
		Set<Role> granting = EnumSet.noneOf(Role.class);
		caller.roles().stream().filter(rule.roles()::contains).forEach(granting::add);
		return this.callerScopes.clientScope(
				new Caller(caller.subject(), caller.username(), caller.displayName(), granting, caller.orgUnit()));
	}

}
