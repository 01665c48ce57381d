package com.corpbank.portal.manager;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.corpbank.portal.org.OrgUnit;
import com.corpbank.portal.org.OrgUnitRepository;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/** Fields of {@code RelationshipManager}; {@code team} is batched over all managers of a response. */
@Controller
class RelationshipManagerController {

	private final OrgUnitRepository orgUnits;

	RelationshipManagerController(OrgUnitRepository orgUnits) {
		this.orgUnits = orgUnits;
	}

	@BatchMapping
	Map<RelationshipManager, OrgUnit> team(List<RelationshipManager> managers) {
		Map<String, OrgUnit> byCode = this.orgUnits
			.findAllById(managers.stream().map(RelationshipManager::teamCode).collect(Collectors.toSet()))
			.stream()
			.collect(Collectors.toMap(OrgUnit::code, Function.identity()));
		Map<RelationshipManager, OrgUnit> result = new HashMap<>();
		for (RelationshipManager manager : managers) {
			OrgUnit team = byCode.get(manager.teamCode());
			if (team != null) {
				result.put(manager, team);
			}
		}
		return result;
	}

}
