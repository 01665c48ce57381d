package com.corpbank.portal.client;

import java.util.List;

import com.corpbank.portal.write.UserError;
import org.jspecify.annotations.Nullable;

/** {@code UpdateClientPayload}: the client as updated, or why nothing changed. */
public record UpdateClientPayload(@Nullable Client client, List<UserError> errors) {

	static UpdateClientPayload of(Client client) {
		return new UpdateClientPayload(client, List.of());
	}

	static UpdateClientPayload failed(List<UserError> errors) {
		return new UpdateClientPayload(null, errors);
	}

}
