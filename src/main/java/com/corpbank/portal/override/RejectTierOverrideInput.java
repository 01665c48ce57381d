package com.corpbank.portal.override;

import org.jspecify.annotations.Nullable;

/** {@code RejectTierOverrideInput}: every field is checked by {@link TierOverrideWorkflow#reject}. */
public record RejectTierOverrideInput(@Nullable String overrideId, @Nullable Integer expectedVersion,
		@Nullable String note) {
}
