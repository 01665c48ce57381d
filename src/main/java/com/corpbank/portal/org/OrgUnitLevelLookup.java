package com.corpbank.portal.org;

import java.util.Optional;

import com.corpbank.portal.access.OrgUnitLevels;
import org.springframework.stereotype.Component;

/** The level of an org unit, read from the {@code org_units} collection by code (one find by id). */
@Component
class OrgUnitLevelLookup implements OrgUnitLevels {

	private final OrgUnitRepository orgUnits;

	OrgUnitLevelLookup(OrgUnitRepository orgUnits) {
		this.orgUnits = orgUnits;
	}

	@Override
	public Optional<UnitLevel> levelOf(String orgUnitCode) {
		return this.orgUnits.findById(orgUnitCode).map(unit -> switch (unit.type()) {
			case HEAD_OFFICE -> UnitLevel.HEAD_OFFICE;
			case BRANCH -> UnitLevel.BRANCH;
			case SUB_BRANCH -> UnitLevel.SUB_BRANCH;
			case TEAM -> UnitLevel.TEAM;
		});
	}

}
