package com.corpbank.portal.tier;

import java.util.List;

import com.corpbank.portal.write.UserError;
import org.jspecify.annotations.Nullable;

/** {@code CreateTierModelPayload}: the model, or why nothing changed. */
public record CreateTierModelPayload(@Nullable TierModel model, List<UserError> errors) {

	static CreateTierModelPayload of(TierModel model) {
		return new CreateTierModelPayload(model, List.of());
	}

	static CreateTierModelPayload failed(List<UserError> errors) {
		return new CreateTierModelPayload(null, errors);
	}

}
