package com.corpbank.portal.override;

import org.jspecify.annotations.Nullable;

/** {@code WithdrawTierOverrideInput}: every field is checked by {@link TierOverrideWorkflow#withdraw}. */
public record WithdrawTierOverrideInput(@Nullable String overrideId, @Nullable Integer expectedVersion) {
}
