package com.corpbank.portal.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.corpbank.portal.access.OrgUnitLevels.UnitLevel;
import com.corpbank.portal.security.Caller;
import com.corpbank.portal.security.Role;
import com.corpbank.portal.security.SecurityProperties;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/**
 * The row scope of a caller, resolved against the org directory where data is read (never in the authentication
 * filter: a store outage there would turn into a 401 or a 500; here it is an ordinary data-fetch error).
 * <ul>
 * <li>RISK_OFFICER, HEAD_OFFICE_ANALYST: every client, no lookup;</li>
 * <li>RM: clients served by the RM record bound to the token's {@code sub}; none when no record is bound to it,
 * whatever {@code preferred_username} says;</li>
 * <li>TEAM_LEAD: clients served within their {@code org_unit}, only when the directory knows it as a TEAM;</li>
 * <li>BRANCH_MANAGER: the same, for a BRANCH or SUB_BRANCH, or the HEAD_OFFICE (every client served in the bank:
 * the head-office approver of tier overrides);</li>
 * <li>ADMIN, AUDITOR, no portal role, or a grant whose check fails: nothing (fail closed).</li>
 * </ul>
 * Several roles give the union. Results are cached briefly per (sub, roles, org unit claim): see
 * {@link SecurityProperties.ScopeCache}. A failed lookup is not cached.
 */
@Component
public class CallerScopes {

	private record Key(String subject, Set<Role> roles, @Nullable String orgUnit) {
	}

	private final ManagerBindings managerBindings;

	private final OrgUnitLevels orgUnitLevels;

	private final Cache<Key, ClientScope> cache;

	CallerScopes(ManagerBindings managerBindings, OrgUnitLevels orgUnitLevels, SecurityProperties properties) {
		this.managerBindings = managerBindings;
		this.orgUnitLevels = orgUnitLevels;
		this.cache = Caffeine.newBuilder()
			.expireAfterWrite(properties.scopeCache().ttl())
			.maximumSize(properties.scopeCache().maxSize())
			.build();
	}

	/** The caller's scope; a store failure during the lookup propagates as it is. */
	public ClientScope clientScope(Caller caller) {
		if (caller.has(Role.RISK_OFFICER) || caller.has(Role.HEAD_OFFICE_ANALYST)) {
			return ClientScope.EVERYTHING;
		}
		if (!caller.has(Role.RM) && !caller.has(Role.TEAM_LEAD) && !caller.has(Role.BRANCH_MANAGER)) {
			return ClientScope.NOTHING;
		}
		return this.cache.get(new Key(caller.subject(), caller.roles(), caller.orgUnit()), key -> resolve(caller));
	}

	/** Forgets every cached scope, e.g. after an operator re-binds an RM and cannot wait for the TTL. */
	public void forgetAll() {
		this.cache.invalidateAll();
	}

	private ClientScope resolve(Caller caller) {
		List<Criteria> grants = new ArrayList<>();
		if (caller.has(Role.RM)) {
			this.managerBindings.managerBoundTo(caller.subject())
				.ifPresent(managerId -> grants.add(ClientScope.servedBy(managerId)));
		}
		String orgUnit = caller.orgUnit();
		if (orgUnit != null && (caller.has(Role.TEAM_LEAD) || caller.has(Role.BRANCH_MANAGER))) {
			UnitLevel level = this.orgUnitLevels.levelOf(orgUnit).orElse(null);
			boolean teamLead = caller.has(Role.TEAM_LEAD) && level == UnitLevel.TEAM;
			boolean branchManager = caller.has(Role.BRANCH_MANAGER)
					&& (level == UnitLevel.BRANCH || level == UnitLevel.SUB_BRANCH || level == UnitLevel.HEAD_OFFICE);
			if (teamLead || branchManager) {
				grants.add(ClientScope.servedWithin(orgUnit));
			}
		}
		return ClientScope.anyOf(grants);
	}

}
