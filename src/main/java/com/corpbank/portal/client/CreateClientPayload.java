package com.corpbank.portal.client;

import java.util.List;

import com.corpbank.portal.write.UserError;
import org.jspecify.annotations.Nullable;

/** {@code CreateClientPayload}: the client as created, or why nothing changed. */
public record CreateClientPayload(@Nullable Client client, List<UserError> errors) {

	static CreateClientPayload of(Client client) {
		return new CreateClientPayload(client, List.of());
	}

	static CreateClientPayload failed(List<UserError> errors) {
		return new CreateClientPayload(null, errors);
	}

}
