package com.corpbank.portal.client;

import java.util.List;
import java.util.Optional;

import com.corpbank.portal.manager.ManagerRepository;
import com.corpbank.portal.org.OrgUnit;
import com.corpbank.portal.org.OrgUnitRepository;
import org.springframework.stereotype.Component;

/**
 * Where an RM sits in the org tree, read from the store's directory ({@code managers} and {@code org_units}, seeded
 * from the one reference file): the source {@link ClientAssignment#orgUnits} derives row-scope keys from, never a
 * constant in code.
 */
@Component
class ManagerDirectory {

	private final ManagerRepository managers;

	private final OrgUnitRepository orgUnits;

	ManagerDirectory(ManagerRepository managers, OrgUnitRepository orgUnits) {
		this.managers = managers;
		this.orgUnits = orgUnits;
	}

	/**
	 * @param username an RM record's id, e.g. {@code rm_li}
	 * @return the org path of the RM's team, root first (e.g. [HO, SH, SH-PD, SH-PD-T1]); empty when the directory
	 * has no such RM or their team is missing
	 */
	Optional<List<String>> teamPath(String username) {
		return this.managers.findById(username)
			.flatMap(manager -> this.orgUnits.findById(manager.teamCode()))
			.map(OrgUnit::path);
	}

}
