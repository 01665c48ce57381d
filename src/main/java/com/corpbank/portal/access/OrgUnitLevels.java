package com.corpbank.portal.access;

import java.util.Optional;

/** The level of a unit in the org directory (answered by the org feature). */
public interface OrgUnitLevels {

	/** @return the unit's level, or empty when the directory does not know the code */
	Optional<UnitLevel> levelOf(String orgUnitCode);

	/** Levels of the org tree, as scope needs them. */
	enum UnitLevel {
		HEAD_OFFICE, BRANCH, SUB_BRANCH, TEAM
	}

}
