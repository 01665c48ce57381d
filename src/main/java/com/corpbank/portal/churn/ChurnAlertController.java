package com.corpbank.portal.churn;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import com.corpbank.portal.access.CallerScopes;
import com.corpbank.portal.access.PermissionModel;
import com.corpbank.portal.audit.Actor;
import com.corpbank.portal.client.Client;
import com.corpbank.portal.security.Caller;
import com.corpbank.portal.write.Mutations;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * {@code Query.churnAlerts}, the alert lifecycle mutations, {@code Client.churnAlerts} and {@code ChurnAlert.client}.
 *
 * <p>The nested fields are batched: a page of 50 clients asking for their alerts costs one aggregation per
 * distinct status filter, not one per client (the N+1 problem), and a page of alerts asking for their clients one
 * find.
 */
@Controller
class ChurnAlertController {

	static final int DEFAULT_PAGE_SIZE = 20;

	static final String CLIENT_ALERTS = "clientChurnAlerts";

	/** One client's alerts as one caller may see them, with the statuses asked for (empty: all). */
	record AlertsOf(Caller caller, String clientId, Set<ChurnAlertStatus> statuses) {
	}

	private final ChurnAlertQueries queries;

	private final ChurnAlertLifecycle lifecycle;

	private final PermissionModel permissions;

	private final CallerScopes callerScopes;

	private final MongoTemplate mongoTemplate;

	ChurnAlertController(ChurnAlertQueries queries, ChurnAlertLifecycle lifecycle, PermissionModel permissions,
			CallerScopes callerScopes, MongoTemplate mongoTemplate, BatchLoaderRegistry loaders) {
		this.queries = queries;
		this.lifecycle = lifecycle;
		this.permissions = permissions;
		this.callerScopes = callerScopes;
		this.mongoTemplate = mongoTemplate;
		loaders.<AlertsOf, List<ChurnAlert>>forName(CLIENT_ALERTS)
			.registerMappedBatchLoader((keys, environment) -> Mono.fromCallable(() -> load(keys)));
	}

	@QueryMapping
	ChurnAlertQueries.Page churnAlerts(@AuthenticationPrincipal Caller caller,
			@Argument @Nullable ChurnAlertFilter filter, @Argument @Nullable Integer first,
			@Argument @Nullable String after) {
		return this.queries.page(this.permissions.scopeFor(caller, "Query.churnAlerts"),
				(filter != null) ? filter : ChurnAlertFilter.NONE, (first != null) ? first : DEFAULT_PAGE_SIZE, after);
	}

	@SchemaMapping(typeName = "ChurnAlertConnection")
	long totalCount(ChurnAlertQueries.Page page) {
		return this.queries.count(page.selection());
	}

	@MutationMapping
	AcknowledgeChurnAlertPayload acknowledgeChurnAlert(@ContextValue Actor actor,
			@Argument AcknowledgeChurnAlertInput input) {
		return Mutations.attempt(() -> AcknowledgeChurnAlertPayload.of(this.lifecycle.acknowledge(actor, input)),
				AcknowledgeChurnAlertPayload::failed);
	}

	@MutationMapping
	MarkChurnAlertActionedPayload markChurnAlertActioned(@ContextValue Actor actor,
			@Argument MarkChurnAlertActionedInput input) {
		return Mutations.attempt(() -> MarkChurnAlertActionedPayload.of(this.lifecycle.markActioned(actor, input)),
				MarkChurnAlertActionedPayload::failed);
	}

	@MutationMapping
	CloseChurnAlertPayload closeChurnAlert(@ContextValue Actor actor, @Argument CloseChurnAlertInput input) {
		return Mutations.attempt(() -> CloseChurnAlertPayload.of(this.lifecycle.close(actor, input)),
				CloseChurnAlertPayload::failed);
	}

	@SchemaMapping(typeName = "Client")
	CompletableFuture<List<ChurnAlert>> churnAlerts(Client client, @AuthenticationPrincipal Caller caller,
			@Argument @Nullable List<ChurnAlertStatus> status, DataLoader<AlertsOf, List<ChurnAlert>> clientChurnAlerts) {
		Set<ChurnAlertStatus> statuses = (status == null || status.isEmpty()) ? Set.of()
				: Set.copyOf(EnumSet.copyOf(status));
		return clientChurnAlerts.load(new AlertsOf(caller, client.id(), statuses));
	}

	/** The alerts' clients in one find, in the caller's client scope (an alert's client is in it by construction). */
	@BatchMapping(typeName = "ChurnAlert")
	Map<ChurnAlert, Client> client(List<ChurnAlert> alerts, @ContextValue Actor actor) {
		Set<String> ids = alerts.stream().map(ChurnAlert::clientId).collect(Collectors.toSet());
		Map<String, Client> byId = new HashMap<>();
		for (Client client : this.mongoTemplate.find(
				new Query(this.callerScopes.clientScope(actor.caller()).and(Criteria.where("_id").in(ids))),
				Client.class)) {
			byId.put(client.id(), client);
		}
		Map<ChurnAlert, Client> result = new HashMap<>();
		for (ChurnAlert alert : alerts) {
			Client client = byId.get(alert.clientId());
			if (client != null) {
				result.put(alert, client);
			}
		}
		return result;
	}

	/** One aggregation per (caller, statuses): in a request that is one per distinct status argument. */
	private Map<AlertsOf, List<ChurnAlert>> load(Set<AlertsOf> keys) {
		Map<List<Object>, List<AlertsOf>> groups = keys.stream()
			.collect(Collectors.groupingBy(key -> List.of(key.caller(), key.statuses()), LinkedHashMap::new,
					Collectors.toList()));
		Map<AlertsOf, List<ChurnAlert>> result = new HashMap<>();
		for (List<AlertsOf> group : groups.values()) {
			AlertsOf sample = group.get(0);
			Map<String, List<ChurnAlert>> byClient = this.queries.ofClients(
					this.permissions.scopeFor(sample.caller(), "Client.churnAlerts"),
					group.stream().map(AlertsOf::clientId).collect(Collectors.toSet()), sample.statuses());
			for (AlertsOf key : group) {
				result.put(key, byClient.getOrDefault(key.clientId(), List.of()));
			}
		}
		return result;
	}

}
