package com.corpbank.portal.audit;

import com.corpbank.portal.graphql.NewestFirstPages.Page;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code Query.auditEvents}: AUDITOR only, enforced by the permission model before this runs. */
@Controller
class AuditEventController {

	private final AuditTrail trail;

	AuditEventController(AuditTrail trail) {
		this.trail = trail;
	}

	@QueryMapping
	Page<AuditEvent> auditEvents(@Argument @Nullable AuditEventFilter filter, @Argument @Nullable Integer first,
			@Argument @Nullable String after) {
		return this.trail.page((filter != null) ? filter : AuditEventFilter.NONE, (first != null) ? first : 20,
				after);
	}

}
