package com.corpbank.portal.tax;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.corpbank.portal.audit.Actor;
import com.corpbank.portal.client.Client;
import com.corpbank.portal.tax.TaxRecords.Request;
import com.corpbank.portal.write.Mutations;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** {@code Mutation.recordTaxRecord}, {@code Client.taxRecords} (batched over the page of clients). */
@Controller
class TaxRecordController {

	static final String LOADER = "taxRecords";

	private final TaxRecording recording;

	TaxRecordController(TaxRecording recording, TaxRecords records, BatchLoaderRegistry loaders) {
		this.recording = recording;
		// One query for the tax years of a whole page of clients, not one per client.
		loaders.<Request, List<TaxRecord>>forName(LOADER)
			.registerMappedBatchLoader((requests, environment) -> Mono.fromCallable(() -> records.load(requests)));
	}

	@MutationMapping
	RecordTaxRecordPayload recordTaxRecord(@ContextValue Actor actor, @Argument RecordTaxRecordInput input) {
		return Mutations.attempt(() -> RecordTaxRecordPayload.of(this.recording.record(actor, input)),
				RecordTaxRecordPayload::failed);
	}

	@SchemaMapping(typeName = "Client")
	CompletableFuture<List<TaxRecord>> taxRecords(Client client, @Argument @Nullable Integer first,
			DataLoader<Request, List<TaxRecord>> taxRecords) {
		return taxRecords.load(TaxRecords.request(client.id(), first));
	}

	/** Seeded records have no version; they read as 0. */
	@SchemaMapping(typeName = "TaxRecord")
	int version(TaxRecord record) {
		return Math.toIntExact(record.currentVersion());
	}

}
