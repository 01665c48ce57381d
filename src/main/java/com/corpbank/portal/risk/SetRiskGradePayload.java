package com.corpbank.portal.risk;

import java.util.List;

import com.corpbank.portal.client.Client;
import com.corpbank.portal.write.UserError;
import org.jspecify.annotations.Nullable;

/** {@code SetRiskGradePayload}: the client with its new grades, or why nothing changed. */
public record SetRiskGradePayload(@Nullable Client client, List<UserError> errors) {

	static SetRiskGradePayload of(Client client) {
		return new SetRiskGradePayload(client, List.of());
	}

	static SetRiskGradePayload failed(List<UserError> errors) {
		return new SetRiskGradePayload(null, errors);
	}

}
