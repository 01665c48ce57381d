package com.corpbank.portal.financials;

import java.util.List;

import com.corpbank.portal.client.Client;
import com.corpbank.portal.write.UserError;
import org.jspecify.annotations.Nullable;

/**
 * {@code RecordFinancialStatementPayload}: the statement as recorded and the client (with its re-derived size), or
 * why nothing changed.
 */
public record RecordFinancialStatementPayload(@Nullable FinancialStatement statement, @Nullable Client client,
		List<UserError> errors) {

	static RecordFinancialStatementPayload of(StatementRecording.Recorded recorded) {
		return new RecordFinancialStatementPayload(recorded.statement(), recorded.client(), List.of());
	}

	static RecordFinancialStatementPayload failed(List<UserError> errors) {
		return new RecordFinancialStatementPayload(null, null, errors);
	}

}
