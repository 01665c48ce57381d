package com.corpbank.portal.client;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import com.corpbank.portal.security.Caller;
import com.corpbank.portal.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * The rows of the client book a caller may see, as MongoDB criteria that go into every client query (lists,
 * single lookups, counts), so that a client out of scope is never loaded at all. Several roles give the union.
 * <ul>
 * <li>RM: clients they serve as primary or co-RM;</li>
 * <li>TEAM_LEAD, BRANCH_MANAGER: clients served by any RM in the caller's org unit or below it;</li>
 * <li>RISK_OFFICER, HEAD_OFFICE_ANALYST: every client;</li>
 * <li>ADMIN, AUDITOR, or no portal role: none.</li>
 * </ul>
 *
 * @param restriction null when the caller sees every client
 */
public record ClientScope(@Nullable Criteria restriction) {

	private static final ClientScope EVERYTHING = new ClientScope(null);

	private static final ClientScope NOTHING = new ClientScope(Criteria.where("_id").in(List.of()));

	public static ClientScope of(Caller caller) {
		if (caller.has(Role.RISK_OFFICER) || caller.has(Role.HEAD_OFFICE_ANALYST)) {
			return EVERYTHING;
		}
		List<Criteria> grants = new ArrayList<>();
		if (caller.has(Role.RM)) {
			grants.add(Criteria.where("managerUsernames").is(caller.username()));
		}
		if ((caller.has(Role.TEAM_LEAD) || caller.has(Role.BRANCH_MANAGER)) && caller.orgUnit() != null) {
			grants.add(Criteria.where("orgUnits").is(caller.orgUnit()));
		}
		if (grants.isEmpty()) {
			return NOTHING;
		}
		return new ClientScope(grants.size() == 1 ? grants.get(0) : new Criteria().orOperator(grants));
	}

	/** The scope and every given condition together; null conditions are skipped. */
	public Criteria and(@Nullable Criteria... conditions) {
		List<Criteria> all = new ArrayList<>();
		if (this.restriction != null) {
			all.add(this.restriction);
		}
		Arrays.stream(conditions).filter(Objects::nonNull).forEach(all::add);
		if (all.isEmpty()) {
			return new Criteria();
		}
		return all.size() == 1 ? all.get(0) : new Criteria().andOperator(all);
	}

}
