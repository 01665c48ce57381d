package com.corpbank.portal.assignment;

import java.util.List;

/** Who served a client at one moment: the primary RM and the co-RMs, by username. */
public record AssignmentSnapshot(String primaryManager, List<String> coManagers) {

	public AssignmentSnapshot {
		coManagers = List.copyOf(coManagers);
	}

}
