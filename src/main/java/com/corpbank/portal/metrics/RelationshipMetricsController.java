package com.corpbank.portal.metrics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * {@code Mutation.recordRelationshipMetrics}, {@code Client.relationshipMetrics} and
 * {@code Client.latestRelationshipMetrics}; both client fields are batched over the whole page of clients.
 */
@Controller
class RelationshipMetricsController {

	static final String HISTORY_ORDER = "relationshipMetrics";

	private final MetricsRecording recording;

	private final LatestRelationshipMetrics latest;

	RelationshipMetricsController(MetricsRecording recording, LatestRelationshipMetrics latest,
			NewestFirstPages pages, BatchLoaderRegistry loaders) {
		this.recording = recording;
		this.latest = latest;
		// One query for the months of a whole page of clients (see NewestFirstPages), not one per client.
		loaders.<Request, Page<RelationshipMetrics>>forName(HISTORY_ORDER)
			.registerMappedBatchLoader((requests, environment) -> Mono.fromCallable(() -> pages.load(requests,
					RelationshipMetrics.class, HISTORY_ORDER, "clientId", "monthStart", RelationshipMetrics::clientId,
					RelationshipMetrics::monthStart, RelationshipMetrics::id)));
	}

	@MutationMapping
	RecordRelationshipMetricsPayload recordRelationshipMetrics(@ContextValue Actor actor,
			@Argument RecordRelationshipMetricsInput input) {
		return Mutations.attempt(() -> RecordRelationshipMetricsPayload.of(this.recording.record(actor, input)),
				RecordRelationshipMetricsPayload::failed);
	}

	@SchemaMapping(typeName = "Client")
	CompletableFuture<Page<RelationshipMetrics>> relationshipMetrics(Client client, @Argument @Nullable Integer first,
			@Argument @Nullable String after, DataLoader<Request, Page<RelationshipMetrics>> relationshipMetrics) {
		return relationshipMetrics.load(NewestFirstPages.request(HISTORY_ORDER, client.id(), first, after));
	}

	@BatchMapping(typeName = "Client")
	Map<Client, RelationshipMetrics> latestRelationshipMetrics(List<Client> clients) {
		Map<String, RelationshipMetrics> byClientId = this.latest.byClientId(clients.stream().map(Client::id).toList());
		Map<Client, RelationshipMetrics> result = new HashMap<>();
		for (Client client : clients) {
			RelationshipMetrics metrics = byClientId.get(client.id());
			if (metrics != null) {
				result.put(client, metrics);
			}
		}
		return result;
	}

	/** Always set when recorded through the API; a document without one reads as 0. */
	@SchemaMapping(typeName = "RelationshipMetrics")
	int version(RelationshipMetrics metrics) {
		return Math.toIntExact(metrics.currentVersion());
	}

}
