package com.corpbank.portal.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** {@code AuditEventFilter}; checked by {@link AuditTrail#page}. */
public record AuditEventFilter(@Nullable String actor, @Nullable String entityId, @Nullable String clientId,
		@Nullable String operation, @Nullable Instant from, @Nullable Instant to) {

	static final AuditEventFilter NONE = new AuditEventFilter(null, null, null, null, null, null);

}
