package com.corpbank.portal.financials;

import com.corpbank.portal.audit.Actor;
import com.corpbank.portal.client.Client;
import com.corpbank.portal.client.SizeBasis;
import com.corpbank.portal.graphql.LoaderFields;
import com.corpbank.portal.write.Mutations;
import graphql.schema.idl.RuntimeWiring;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * {@code Mutation.recordFinancialStatement}, {@code FinancialStatement.version}, and the fields financials adds to
 * {@code Client}: {@code latestFinancials} and {@code sizeBasis}.
 */
@Controller
class FinancialStatementController implements RuntimeWiringConfigurer {

	private static final String LATEST_BY_CLIENT_ID = "latestFinancialsByClientId";

	private final StatementRecording recording;

	private final FinancialStatements statements;

	FinancialStatementController(StatementRecording recording, FinancialStatements statements,
			BatchLoaderRegistry loaders) {
		this.recording = recording;
		this.statements = statements;
		// The latest statement of every client of the page in one aggregation (see FinancialStatements).
		loaders.<String, FinancialStatement>forName(LATEST_BY_CLIENT_ID)
			.registerMappedBatchLoader((clientIds, environment) -> Mono
				.fromCallable(() -> this.statements.latestByClientId(clientIds)));
	}

	/** {@code Client.latestFinancials}: a {@link LoaderFields} field, run once per row of a page. */
	@Override
	public void configure(RuntimeWiring.Builder wiring) {
		wiring.type("Client", type -> type.dataFetcher("latestFinancials",
				LoaderFields.<Client, String, FinancialStatement>one(LATEST_BY_CLIENT_ID,
						FinancialStatement.class, Client::id)));
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
