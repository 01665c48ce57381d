package com.corpbank.portal.override;

import java.util.List;

import com.corpbank.portal.write.UserError;
import org.jspecify.annotations.Nullable;

/** {@code WithdrawTierOverridePayload}: the withdrawn override, or why nothing changed. */
public record WithdrawTierOverridePayload(@Nullable TierOverride override, List<UserError> errors) {

	static WithdrawTierOverridePayload of(TierOverride override) {
		return new WithdrawTierOverridePayload(override, List.of());
	}

	static WithdrawTierOverridePayload failed(List<UserError> errors) {
		return new WithdrawTierOverridePayload(null, errors);
	}

}
