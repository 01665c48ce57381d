package com.corpbank.portal.feedback;

import java.util.Optional;

import com.corpbank.portal.access.OrgUnitLevels;
import com.corpbank.portal.access.OrgUnitLevels.UnitLevel;
import com.corpbank.portal.access.PermissionModel;
import com.corpbank.portal.access.PersonalDataPolicy;
import com.corpbank.portal.manager.RelationshipManager;
import com.corpbank.portal.org.OrgUnit;
import com.corpbank.portal.security.Caller;
import com.corpbank.portal.security.Role;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Whose satisfaction trend a caller may read ({@code Query.satisfactionTrend}), by the RM's place in the org
 * directory now: an RM only their own (the RM record bound to their token); a team lead the RMs of their team; a
 * branch manager the RMs within their branch or sub-branch (head office: every RM); a head-office analyst every RM.
 * Any other RM, and an RM the directory does not know, is not visible (an empty trend, never told apart).
 */
@Component
class RmTrendScope {

	static final String COORDINATE = "Query.satisfactionTrend";

	private final PermissionModel permissions;

	private final PersonalDataPolicy policy;

	private final OrgUnitLevels levels;

	private final MongoTemplate mongoTemplate;

	RmTrendScope(PermissionModel permissions, PersonalDataPolicy policy, OrgUnitLevels levels,
			MongoTemplate mongoTemplate) {
		this.permissions = permissions;
		this.policy = policy;
		this.levels = levels;
		this.mongoTemplate = mongoTemplate;
	}

	boolean sees(Caller caller, String rmUsername) {
		if (!this.permissions.allows(caller, COORDINATE)) {
			return false;
		}
		if (caller.has(Role.HEAD_OFFICE_ANALYST)) {
			return true;
		}
		if (caller.has(Role.RM) && rmUsername.equals(this.policy.boundManager(caller))) {
			return true;
		}
		String unit = caller.orgUnit();
		if (unit == null || !(caller.has(Role.TEAM_LEAD) || caller.has(Role.BRANCH_MANAGER))) {
			return false;
		}
		UnitLevel level = this.levels.levelOf(unit).orElse(null);
		boolean lead = caller.has(Role.TEAM_LEAD) && level == UnitLevel.TEAM;
		boolean manager = caller.has(Role.BRANCH_MANAGER)
				&& (level == UnitLevel.BRANCH || level == UnitLevel.SUB_BRANCH || level == UnitLevel.HEAD_OFFICE);
		if (!lead && !manager) {
			return false;
		}
		return teamPathOf(rmUsername).map(path -> path.path().contains(unit)).orElse(false);
	}

	private Optional<OrgUnit> teamPathOf(String rmUsername) {
		RelationshipManager manager = this.mongoTemplate.findById(rmUsername, RelationshipManager.class);
		if (manager == null) {
			return Optional.empty();
		}
		return Optional.ofNullable(this.mongoTemplate.findById(manager.teamCode(), OrgUnit.class));
	}

}
