package com.corpbank.portal.assignment;

import java.util.List;

import com.corpbank.portal.client.Client;
import com.corpbank.portal.write.UserError;
import org.jspecify.annotations.Nullable;

/**
 * {@code AssignClientPayload}: the client as newly assigned, or why nothing changed. The client is null, with no
 * errors, when the handover moved it out of the caller's own scope: the change happened, but they no longer see it.
 */
public record AssignClientPayload(@Nullable Client client, List<UserError> errors) {

	static AssignClientPayload of(@Nullable Client client) {
		return new AssignClientPayload(client, List.of());
	}

	static AssignClientPayload failed(List<UserError> errors) {
		return new AssignClientPayload(null, errors);
	}

}
