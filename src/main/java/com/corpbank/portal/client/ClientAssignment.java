package com.corpbank.portal.client;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who serves a client, and the scope keys derived from it. Whatever writes an assignment (the seed,
 * {@code createClient} in {@link ClientProfiles}, the {@code assignClient} handover in
 * {@code assignment.ClientHandover}) derives {@link Client#managerUsernames()} and
 * {@link Client#orgUnits()} here, so row scope never drifts from the assignment.
 */
public record ClientAssignment(String primaryManager, List<String> coManagers) {

	public ClientAssignment {
		coManagers = List.copyOf(coManagers);
		if (coManagers.contains(primaryManager)) {
			throw new IllegalArgumentException("the primary RM cannot also be a co-RM");
		}
	}

	public List<String> managerUsernames() {
		List<String> all = new ArrayList<>();
		all.add(this.primaryManager);
		all.addAll(this.coManagers);
		return List.copyOf(all);
	}

	/**
	 * @param teamPathByManager for each manager username, the org path of their team (root first)
	 * @return every org unit above any assigned RM, root first, without duplicates
	 */
	public List<String> orgUnits(Map<String, List<String>> teamPathByManager) {
		Set<String> units = new LinkedHashSet<>();
		for (String username : managerUsernames()) {
			List<String> path = teamPathByManager.get(username);
			if (path == null) {
				throw new IllegalArgumentException("unknown relationship manager: " + username);
			}
			units.addAll(path);
		}
		return List.copyOf(units);
	}

}
