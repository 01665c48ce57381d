package com.corpbank.portal.risk;

import java.util.concurrent.CompletableFuture;

import com.corpbank.portal.audit.Actor;
import com.corpbank.portal.client.Client;
import com.corpbank.portal.graphql.NewestFirstPages;
import com.corpbank.portal.graphql.NewestFirstPages.Page;
import com.corpbank.portal.graphql.NewestFirstPages.Request;
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

/** {@code Mutation.setRiskGrade} and {@code Client.riskHistory}. */
@Controller
class RiskController {

	static final String HISTORY_ORDER = "riskHistory";

	private final RiskGrading grading;

	RiskController(RiskGrading grading, NewestFirstPages pages, BatchLoaderRegistry loaders) {
		this.grading = grading;
		// One query for the histories of a whole page of clients (see NewestFirstPages), not one per client.
		loaders.<Request, Page<RiskHistoryEntry>>forName(HISTORY_ORDER)
			.registerMappedBatchLoader((requests, environment) -> Mono.fromCallable(() -> pages.load(requests,
					RiskHistoryEntry.class, HISTORY_ORDER, "clientId", "changedAt", RiskHistoryEntry::clientId,
					RiskHistoryEntry::changedAt, RiskHistoryEntry::id)));
	}

	@MutationMapping
	SetRiskGradePayload setRiskGrade(@ContextValue Actor actor, @Argument SetRiskGradeInput input) {
		return Mutations.attempt(() -> SetRiskGradePayload.of(this.grading.set(actor, input)),
				SetRiskGradePayload::failed);
	}

	@SchemaMapping(typeName = "Client")
	CompletableFuture<Page<RiskHistoryEntry>> riskHistory(Client client, @Argument @Nullable Integer first,
			@Argument @Nullable String after, DataLoader<Request, Page<RiskHistoryEntry>> riskHistory) {
		return riskHistory.load(NewestFirstPages.request(HISTORY_ORDER, client.id(), first, after));
	}

}
