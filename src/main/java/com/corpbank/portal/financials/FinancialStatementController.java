package com.corpbank.portal.financials;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.corpbank.portal.audit.Actor;
import com.corpbank.portal.client.Client;
import com.corpbank.portal.client.SizeBasis;
import com.corpbank.portal.write.Mutations;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code Mutation.recordFinancialStatement}, {@code FinancialStatement.version}, and the fields financials adds to
 * {@code Client}: {@code latestFinancials} and {@code sizeBasis}.
 */
@Controller
class FinancialStatementController {

	private final StatementRecording recording;

	private final FinancialStatements statements;

	FinancialStatementController(StatementRecording recording, FinancialStatements statements) {
		this.recording = recording;
		this.statements = statements;
	}

	/** The latest statement of every client of the page in one aggregation (see FinancialStatements). */
	@BatchMapping(typeName = "Client")
	Map<Client, FinancialStatement> latestFinancials(List<Client> clients) {
		Map<String, FinancialStatement> byClientId = this.statements
			.latestByClientId(clients.stream().map(Client::id).toList());
		Map<Client, FinancialStatement> result = new HashMap<>();
		for (Client client : clients) {
			FinancialStatement statement = byClientId.get(client.id());
			if (statement != null) {
				result.put(client, statement);
			}
		}
		return result;
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
