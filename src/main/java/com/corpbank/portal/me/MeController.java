package com.corpbank.portal.me;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.corpbank.portal.org.OrgUnit;
import com.corpbank.portal.org.OrgUnitRepository;
import com.corpbank.portal.security.Caller;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/** {@code Query.me} and the fields of {@code Me}. */
@Controller
class MeController {

	private final OrgUnitRepository orgUnits;

	MeController(OrgUnitRepository orgUnits) {
		this.orgUnits = orgUnits;
	}

	@QueryMapping
	Me me(@AuthenticationPrincipal Caller caller) {
		return new Me(caller.username(), caller.displayName(), caller.roles().stream().sorted().toList(),
				caller.orgUnit());
	}

	/**
	 * Batched, although a request has one caller: each alias of {@code me} is its own {@code Me}, and a per-field
	 * lookup would cost one store command per alias. Unknown codes resolve to null.
	 */
	@BatchMapping
	Map<Me, OrgUnit> orgUnit(List<Me> callers) {
		Set<String> codes = callers.stream()
			.map(Me::orgUnitCode)
			.filter(Objects::nonNull)
			.collect(Collectors.toSet());
		if (codes.isEmpty()) {
			return Map.of();
		}
		Map<String, OrgUnit> byCode = this.orgUnits.findAllById(codes)
			.stream()
			.collect(Collectors.toMap(OrgUnit::code, Function.identity()));
		Map<Me, OrgUnit> result = new HashMap<>();
		for (Me me : callers) {
			OrgUnit unit = (me.orgUnitCode() != null) ? byCode.get(me.orgUnitCode()) : null;
			if (unit != null) {
				result.put(me, unit);
			}
		}
		return result;
	}

}
