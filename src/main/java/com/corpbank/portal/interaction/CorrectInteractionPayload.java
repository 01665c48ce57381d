package com.corpbank.portal.interaction;

import java.util.List;

import com.corpbank.portal.write.UserError;
import org.jspecify.annotations.Nullable;

/** {@code CorrectInteractionPayload}: the corrected interaction, or why nothing changed. */
public record CorrectInteractionPayload(@Nullable Interaction interaction, List<UserError> errors) {

	static CorrectInteractionPayload of(Interaction interaction) {
		return new CorrectInteractionPayload(interaction, List.of());
	}

	static CorrectInteractionPayload failed(List<UserError> errors) {
		return new CorrectInteractionPayload(null, errors);
	}

}
