package com.corpbank.portal.override;

import org.jspecify.annotations.Nullable;

/** {@code ApproveTierOverrideInput}: every field is checked by {@link TierOverrideWorkflow#approve}. */
public record ApproveTierOverrideInput(@Nullable String overrideId, @Nullable Integer expectedVersion,
		@Nullable String note) {
}
