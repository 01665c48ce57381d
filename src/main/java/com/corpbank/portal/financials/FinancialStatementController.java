package com.corpbank.portal.financials;

import com.corpbank.portal.audit.Actor;
import com.corpbank.portal.client.Client;
import com.corpbank.portal.client.SizeBasis;
import com.corpbank.portal.write.Mutations;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** {@code Mutation.recordFinancialStatement}, {@code FinancialStatement.version} and {@code Client.sizeBasis}. */
@Controller
class FinancialStatementController {

	private final StatementRecording recording;

	FinancialStatementController(StatementRecording recording) {
		this.recording = recording;
	}

	@MutationMapping
	RecordFinancialStatementPayload recordFinancialStatement(@ContextValue Actor actor,
			@Argument RecordFinancialStatementInput input) {
		return Mutations.attempt(() -> RecordFinancialStatementPayload.of(this.recording.record(actor, input)),
				RecordFinancialStatementPayload::failed);
	}

	/** Seeded statements have no version yet: they read as 0, the version their first correction expects. */
	@SchemaMapping(typeName = "FinancialStatement")
	int version(FinancialStatement statement) {
		return Math.toIntExact(statement.currentVersion());
	}

	/** Held on the client document: no lookup. */
	@SchemaMapping(typeName = "Client")
	@Nullable SizeBasis sizeBasis(Client client) {
		return client.sizeBasis();
	}

}
