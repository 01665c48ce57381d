package com.corpbank.portal.override;

import java.util.List;

import com.corpbank.portal.write.UserError;
import org.jspecify.annotations.Nullable;

/** {@code ProposeTierOverridePayload}: the proposed override, or why nothing changed. */
public record ProposeTierOverridePayload(@Nullable TierOverride override, List<UserError> errors) {

	static ProposeTierOverridePayload of(TierOverride override) {
		return new ProposeTierOverridePayload(override, List.of());
	}

	static ProposeTierOverridePayload failed(List<UserError> errors) {
		return new ProposeTierOverridePayload(null, errors);
	}

}
