package com.corpbank.portal.security;

import java.util.Optional;

/** The portal's Keycloak realm roles. A caller may hold several; permissions are their union. */
public enum Role {
	/** 客户经理 relationship manager. */
	RM,
	/** 团队长 team lead. */
	TEAM_LEAD,
	/** 行长/分管 branch manager. */
	BRANCH_MANAGER,
	/** 风险经理 risk officer. */
	RISK_OFFICER,
	/** 总行分析 head-office analyst. */
	HEAD_OFFICE_ANALYST,
	/** Platform administrator. */
	ADMIN,
	/** 内部审计 internal auditor. */
	AUDITOR;

	/** Keycloak also issues roles of its own (offline_access, ...); those are not portal roles. */
	static Optional<Role> fromClaim(String value) {
		for (Role role : values()) {
			if (role.name().equals(value)) {
				return Optional.of(role);
			}
		}
		return Optional.empty();
	}

	public String authority() {
		return "ROLE_" + name();
	}

}
