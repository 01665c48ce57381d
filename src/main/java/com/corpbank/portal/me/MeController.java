package com.corpbank.portal.me;

import com.corpbank.portal.org.OrgUnit;
import com.corpbank.portal.org.OrgUnitRepository;
import com.corpbank.portal.security.Caller;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
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

	/** One lookup per request: there is only one {@code Me}. */
	@SchemaMapping
	@Nullable OrgUnit orgUnit(Me me) {
		return (me.orgUnitCode() == null) ? null : this.orgUnits.findById(me.orgUnitCode()).orElse(null);
	}

}
