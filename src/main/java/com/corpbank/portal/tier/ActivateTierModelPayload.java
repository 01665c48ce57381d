package com.corpbank.portal.tier;

import java.util.List;

import com.corpbank.portal.write.UserError;
import org.jspecify.annotations.Nullable;

/** {@code ActivateTierModelPayload}: the model, or why nothing changed. */
public record ActivateTierModelPayload(@Nullable TierModel model, List<UserError> errors) {

	static ActivateTierModelPayload of(TierModel model) {
		return new ActivateTierModelPayload(model, List.of());
	}

	static ActivateTierModelPayload failed(List<UserError> errors) {
		return new ActivateTierModelPayload(null, errors);
	}

}
