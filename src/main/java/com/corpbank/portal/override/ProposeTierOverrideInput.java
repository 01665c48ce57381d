package com.corpbank.portal.override;

import java.time.LocalDate;

import com.corpbank.portal.tier.ValueTierCode;
import org.jspecify.annotations.Nullable;

/** {@code ProposeTierOverrideInput}: every field is checked by {@link TierOverrideWorkflow#propose}. */
public record ProposeTierOverrideInput(@Nullable String clientId, @Nullable ValueTierCode tier,
		@Nullable String reason, @Nullable LocalDate expiresOn) {
}
