package com.corpbank.portal.tiering;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.corpbank.portal.audit.Actor;
import com.corpbank.portal.client.Client;
import com.corpbank.portal.graphql.NewestFirstPages;
import com.corpbank.portal.graphql.NewestFirstPages.Page;
import com.corpbank.portal.graphql.NewestFirstPages.Request;
import com.corpbank.portal.tier.ValueTier;
import com.corpbank.portal.write.Mutations;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** {@code Mutation.evaluateClientTier}, {@code ValueTier.explanation} and {@code Client.tierHistory}. */
@Controller
class TieringController {

	static final String HISTORY_ORDER = "tierHistory";

	static final String EXPLANATIONS = "tierExplanations";

	private final ClientTiering tiering;

	TieringController(ClientTiering tiering, NewestFirstPages pages, MongoTemplate mongoTemplate,
			BatchLoaderRegistry loaders) {
		this.tiering = tiering;
		// One query for the histories of a whole page of clients, not one per client.
		loaders.<Request, Page<TierEvaluation>>forName(HISTORY_ORDER)
			.registerMappedBatchLoader((requests, environment) -> Mono.fromCallable(() -> pages.load(requests,
					TierEvaluation.class, HISTORY_ORDER, "clientId", "evaluatedAt", TierEvaluation::clientId,
					TierEvaluation::evaluatedAt, TierEvaluation::id)));
		// The explanations of a whole page of tiers in one query by id.
		loaders.<String, TierEvaluation>forName(EXPLANATIONS)
			.registerMappedBatchLoader((ids, environment) -> Mono.fromCallable(() -> byId(mongoTemplate, ids)));
	}

	private static Map<String, TierEvaluation> byId(MongoTemplate mongoTemplate, Collection<String> ids) {
		return mongoTemplate.find(new Query(Criteria.where("_id").in(ids)), TierEvaluation.class)
			.stream()
			.collect(Collectors.toMap(TierEvaluation::id, Function.identity()));
	}

	@MutationMapping
	EvaluateClientTierPayload evaluateClientTier(@ContextValue Actor actor, @Argument EvaluateClientTierInput input) {
		return Mutations.attempt(() -> EvaluateClientTierPayload.of(this.tiering.evaluate(actor, input)),
				EvaluateClientTierPayload::failed);
	}

	@SchemaMapping(typeName = "ValueTier")
	CompletableFuture<@Nullable TierEvaluation> explanation(ValueTier valueTier,
			DataLoader<String, TierEvaluation> tierExplanations) {
		if (valueTier.evaluationId() == null) {
			return CompletableFuture.completedFuture(null);
		}
		return tierExplanations.load(valueTier.evaluationId());
	}

	@SchemaMapping(typeName = "Client")
	CompletableFuture<Page<TierEvaluation>> tierHistory(Client client, @Argument @Nullable Integer first,
			@Argument @Nullable String after, DataLoader<Request, Page<TierEvaluation>> tierHistory) {
		return tierHistory.load(NewestFirstPages.request(HISTORY_ORDER, client.id(), first, after));
	}

}
