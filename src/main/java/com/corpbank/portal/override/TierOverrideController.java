package com.corpbank.portal.override;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.corpbank.portal.access.PermissionModel;
import com.corpbank.portal.audit.Actor;
import com.corpbank.portal.client.Client;
import com.corpbank.portal.graphql.NewestFirstPages.Page;
import com.corpbank.portal.write.Mutations;
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
import org.springframework.stereotype.Controller;

/**
 * The override mutations, {@code Query.pendingTierOverrides}, {@code Client.tierOverrides} and the fields of
 * {@code TierOverride} that are derived or looked up.
 */
@Controller
class TierOverrideController {

	private final TierOverrideWorkflow workflow;

	private final TierOverrides overrides;

	private final PermissionModel permissions;

	private final MongoTemplate mongoTemplate;

	TierOverrideController(TierOverrideWorkflow workflow, TierOverrides overrides, PermissionModel permissions,
			MongoTemplate mongoTemplate) {
		this.workflow = workflow;
		this.overrides = overrides;
		this.permissions = permissions;
		this.mongoTemplate = mongoTemplate;
	}

	@MutationMapping
	ProposeTierOverridePayload proposeTierOverride(@ContextValue Actor actor,
			@Argument ProposeTierOverrideInput input) {
		return Mutations.attempt(() -> ProposeTierOverridePayload.of(this.workflow.propose(actor, input)),
				ProposeTierOverridePayload::failed);
	}

	@MutationMapping
	ApproveTierOverridePayload approveTierOverride(@ContextValue Actor actor,
			@Argument ApproveTierOverrideInput input) {
		return Mutations.attempt(() -> ApproveTierOverridePayload.of(this.workflow.approve(actor, input)),
				ApproveTierOverridePayload::failed);
	}

	@MutationMapping
	RejectTierOverridePayload rejectTierOverride(@ContextValue Actor actor, @Argument RejectTierOverrideInput input) {
		return Mutations.attempt(() -> RejectTierOverridePayload.of(this.workflow.reject(actor, input)),
				RejectTierOverridePayload::failed);
	}

	@MutationMapping
	WithdrawTierOverridePayload withdrawTierOverride(@ContextValue Actor actor,
			@Argument WithdrawTierOverrideInput input) {
		return Mutations.attempt(() -> WithdrawTierOverridePayload.of(this.workflow.withdraw(actor, input)),
				WithdrawTierOverridePayload::failed);
	}

	@QueryMapping
	Page<TierOverride> pendingTierOverrides(@ContextValue Actor actor, @Argument @Nullable Integer first,
			@Argument @Nullable String after) {
		return this.overrides.pending(actor.caller(), first, after);
	}

	/** The overrides of a whole page of clients in one query; the clients were read through the caller's scope. */
	@BatchMapping(typeName = "Client")
	Map<Client, List<TierOverride>> tierOverrides(List<Client> clients) {
		Map<String, List<TierOverride>> byClient = this.overrides
			.ofClients(clients.stream().map(Client::id).distinct().toList());
		Map<Client, List<TierOverride>> result = new HashMap<>();
		for (Client client : clients) {
			result.put(client, byClient.getOrDefault(client.id(), List.of()));
		}
		return result;
	}

	/** The overrides' clients in one query, as the caller may read them: null for a client out of their scope. */
	@BatchMapping
	Map<TierOverride, Client> client(List<TierOverride> overrides, @ContextValue Actor actor) {
		Criteria scoped = this.permissions.scopeFor(actor.caller(), "Query.client")
			.and(Criteria.where("_id").in(new HashSet<>(overrides.stream().map(TierOverride::clientId).toList())));
		Map<String, Client> byId = this.mongoTemplate.find(new Query(scoped), Client.class)
			.stream()
			.collect(Collectors.toMap(Client::id, Function.identity()));
		Map<TierOverride, Client> result = new HashMap<>();
		for (TierOverride override : overrides) {
			Client client = byId.get(override.clientId());
			if (client != null) {
				result.put(override, client);
			}
		}
		return result;
	}

	/** Derived from the date: no job marks an override expired. */
	@SchemaMapping
	boolean expired(TierOverride override) {
		return override.isExpiredOn(this.overrides.today());
	}

	@SchemaMapping
	int version(TierOverride override) {
		return Math.toIntExact(override.currentVersion());
	}

}
