package com.corpbank.portal.assignment;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.corpbank.portal.manager.ManagerRepository;
import com.corpbank.portal.manager.RelationshipManager;
import com.corpbank.portal.org.OrgUnit;
import com.corpbank.portal.org.OrgUnitRepository;
import org.springframework.stereotype.Component;

/**
 * Where RMs sit in the org tree, read from the store's directory: RM record → team → the team's path. Never a
 * constant: a directory change (an RM moving team) applies to the next handover.
 */
@Component
class ManagerPlacements {

	private final ManagerRepository managers;

	private final OrgUnitRepository orgUnits;

	ManagerPlacements(ManagerRepository managers, OrgUnitRepository orgUnits) {
		this.managers = managers;
		this.orgUnits = orgUnits;
	}

	/**
	 * @return for each username that names an RM record whose team the directory knows, the team's path (root
	 * first); unknown usernames are left out. Two finds, whatever the number of usernames.
	 */
	Map<String, List<String>> teamPaths(Collection<String> usernames) {
		if (usernames.isEmpty()) {
			return Map.of();
		}
		List<RelationshipManager> found = this.managers.findAllById(Set.copyOf(usernames));
		Map<String, OrgUnit> teams = this.orgUnits
			.findAllById(found.stream().map(RelationshipManager::teamCode).collect(Collectors.toSet()))
			.stream()
			.collect(Collectors.toMap(OrgUnit::code, Function.identity()));
		Map<String, List<String>> paths = new HashMap<>();
		for (RelationshipManager manager : found) {
			OrgUnit team = teams.get(manager.teamCode());
			if (team != null) {
				paths.put(manager.username(), team.path());
			}
		}
		return paths;
	}

}
