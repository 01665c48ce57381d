package com.corpbank.portal.tier;

import java.util.List;

import com.corpbank.portal.write.UserError;
import org.jspecify.annotations.Nullable;

/** {@code UpdateTierModelPayload}: the model, or why nothing changed. */
public record UpdateTierModelPayload(@Nullable TierModel model, List<UserError> errors) {

	static UpdateTierModelPayload of(TierModel model) {
		return new UpdateTierModelPayload(model, List.of());
	}

	static UpdateTierModelPayload failed(List<UserError> errors) {
		return new UpdateTierModelPayload(null, errors);
	}

}
