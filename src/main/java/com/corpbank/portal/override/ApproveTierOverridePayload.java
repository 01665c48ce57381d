package com.corpbank.portal.override;

import java.util.List;

import com.corpbank.portal.write.UserError;
import org.jspecify.annotations.Nullable;

/** {@code ApproveTierOverridePayload}: the approved override, or why nothing changed. */
public record ApproveTierOverridePayload(@Nullable TierOverride override, List<UserError> errors) {

	static ApproveTierOverridePayload of(TierOverride override) {
		return new ApproveTierOverridePayload(override, List.of());
	}

	static ApproveTierOverridePayload failed(List<UserError> errors) {
		return new ApproveTierOverridePayload(null, errors);
	}

}
