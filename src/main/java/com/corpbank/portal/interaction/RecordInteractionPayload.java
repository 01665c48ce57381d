package com.corpbank.portal.interaction;

import java.util.List;

import com.corpbank.portal.write.UserError;
import org.jspecify.annotations.Nullable;

/** {@code RecordInteractionPayload}: the interaction, or why nothing was recorded. */
public record RecordInteractionPayload(@Nullable Interaction interaction, List<UserError> errors) {

	static RecordInteractionPayload of(Interaction interaction) {
		return new RecordInteractionPayload(interaction, List.of());
	}

	static RecordInteractionPayload failed(List<UserError> errors) {
		return new RecordInteractionPayload(null, errors);
	}

}
