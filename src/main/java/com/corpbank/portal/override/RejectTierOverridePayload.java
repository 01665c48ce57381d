package com.corpbank.portal.override;

import java.util.List;

import com.corpbank.portal.write.UserError;
import org.jspecify.annotations.Nullable;

/** {@code RejectTierOverridePayload}: the rejected override, or why nothing changed. */
public record RejectTierOverridePayload(@Nullable TierOverride override, List<UserError> errors) {

	static RejectTierOverridePayload of(TierOverride override) {
		return new RejectTierOverridePayload(override, List.of());
	}

	static RejectTierOverridePayload failed(List<UserError> errors) {
		return new RejectTierOverridePayload(null, errors);
	}

}
