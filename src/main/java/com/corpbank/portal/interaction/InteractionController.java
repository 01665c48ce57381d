package com.corpbank.portal.interaction;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import com.corpbank.portal.access.CallerScopes;
import com.corpbank.portal.access.PermissionModel;
import com.corpbank.portal.access.PersonalDataPolicy;
import com.corpbank.portal.access.PersonalDataPolicy.View;
import com.corpbank.portal.audit.Actor;
import com.corpbank.portal.client.Client;
import com.corpbank.portal.contact.Contact;
import com.corpbank.portal.contact.ContactBook;
import com.corpbank.portal.contact.ContactView;
import com.corpbank.portal.security.Caller;
import com.corpbank.portal.write.Mutations;
import graphql.GraphQLContext;
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
 * {@code Query.interactions}, the interaction mutations, {@code Client.interactions}, {@code Interaction.client} and
 * {@code Interaction.contacts}.
 *
 * <p>Every nested field is batched (a lookup per parent row would cost one store round trip per row, the N+1
 * problem): a page of clients asking for their interactions costs one aggregation per distinct argument set, whatever
 * the page size. {@code Client.interactions} takes arguments, which a {@code @BatchMapping} method cannot receive, so
 * it is a registered {@link DataLoader} whose key carries them; the argument-free fields are {@code @BatchMapping}s.
 */
@Controller
class InteractionController {

	static final int DEFAULT_PAGE_SIZE = 20;

	static final String CLIENT_INTERACTIONS = "clientInteractions";

	/** The caller's bound RM, kept in the request's context: one lookup per request, however many batches. */
	private static final String BOUND_MANAGER = InteractionController.class.getName() + ".boundManager";

	/** One client's page as one caller asked for it. */
	record PageOf(Caller caller, String clientId, InteractionFilter filter, int first, @Nullable String after) {
	}

	private final InteractionJournal journal;

	private final InteractionQueries queries;

	private final PermissionModel permissions;

	private final CallerScopes callerScopes;

	private final PersonalDataPolicy policy;

	private final ContactBook contacts;

	private final MongoTemplate mongoTemplate;

	InteractionController(InteractionJournal journal, InteractionQueries queries, PermissionModel permissions,
			CallerScopes callerScopes, PersonalDataPolicy policy, ContactBook contacts, MongoTemplate mongoTemplate,
			BatchLoaderRegistry loaders) {
		this.journal = journal;
		this.queries = queries;
		this.permissions = permissions;
		this.callerScopes = callerScopes;
		this.policy = policy;
		this.contacts = contacts;
		this.mongoTemplate = mongoTemplate;
		loaders.<PageOf, InteractionQueries.Page>forName(CLIENT_INTERACTIONS)
			.registerMappedBatchLoader((keys, environment) -> Mono.fromCallable(() -> load(keys)));
	}

	@QueryMapping
	InteractionQueries.Page interactions(@AuthenticationPrincipal Caller caller,
			@Argument @Nullable InteractionFilter filter, @Argument @Nullable Integer first,
			@Argument @Nullable String after) {
		return this.queries.page(this.permissions.scopeFor(caller, "Query.interactions"),
				(filter != null) ? filter : InteractionFilter.NONE, (first != null) ? first : DEFAULT_PAGE_SIZE, after);
	}

	@SchemaMapping(typeName = "InteractionConnection")
	long totalCount(InteractionQueries.Page page) {
		return this.queries.count(page);
	}

	@MutationMapping
	RecordInteractionPayload recordInteraction(@ContextValue Actor actor, @Argument RecordInteractionInput input) {
		return Mutations.attempt(() -> RecordInteractionPayload.of(this.journal.record(actor, input)),
				RecordInteractionPayload::failed);
	}

	@MutationMapping
	CorrectInteractionPayload correctInteraction(@ContextValue Actor actor, @Argument CorrectInteractionInput input) {
		return Mutations.attempt(() -> CorrectInteractionPayload.of(this.journal.correct(actor, input)),
				CorrectInteractionPayload::failed);
	}

	@SchemaMapping(typeName = "Client")
	CompletableFuture<InteractionQueries.Page> interactions(Client client, @AuthenticationPrincipal Caller caller,
			@Argument @Nullable InteractionFilter filter, @Argument @Nullable Integer first,
			@Argument @Nullable String after, DataLoader<PageOf, InteractionQueries.Page> clientInteractions) {
		return clientInteractions.load(new PageOf(caller, client.id(), (filter != null) ? filter : InteractionFilter.NONE,
				(first != null) ? first : DEFAULT_PAGE_SIZE, after));
	}

	/** The stored version (an interaction is always written with one; 0 when it was not). */
	@SchemaMapping(typeName = "Interaction")
	int version(Interaction interaction) {
		return Math.toIntExact(interaction.currentVersion());
	}

	/** The interactions' clients in one find, in the caller's client scope. */
	@BatchMapping(typeName = "Interaction")
	Map<Interaction, Client> client(List<Interaction> interactions, @ContextValue Actor actor) {
		Map<String, Client> byId = clientsOf(actor.caller(), interactions);
		Map<Interaction, Client> result = new HashMap<>();
		for (Interaction interaction : interactions) {
			Client client = byId.get(interaction.clientId());
			if (client != null) {
				result.put(interaction, client);
			}
		}
		return result;
	}

	/**
	 * The contacts who took part, each masked or not by the caller's view of its client ({@link PersonalDataPolicy},
	 * as {@code Client.contacts}): one find for the clients and one for the contacts, whatever the page size. A
	 * caller with no view of the client's personal data, and a contact since removed, give no entry (the ids stay in
	 * {@code contactIds}).
	 */
	@BatchMapping(typeName = "Interaction")
	Map<Interaction, List<ContactView>> contacts(List<Interaction> interactions, @ContextValue Actor actor,
			GraphQLContext context) {
		Optional<String> boundManager = context.computeIfAbsent(BOUND_MANAGER,
				key -> Optional.ofNullable(this.policy.boundManager(actor.caller())));
		Map<String, Client> clients = clientsOf(actor.caller(), interactions);
		Map<String, View> views = new HashMap<>();
		clients.forEach((id, client) -> views.put(id,
				this.policy.viewOf(actor.caller(), boundManager.orElse(null), client.managerUsernames())));
		Map<String, Contact> listed = this.contacts.listed(interactions.stream()
			.filter(interaction -> views.getOrDefault(interaction.clientId(), View.NONE) != View.NONE)
			.flatMap(interaction -> interaction.contactIds().stream())
			.collect(Collectors.toSet()));
		Map<Interaction, List<ContactView>> result = new HashMap<>();
		for (Interaction interaction : interactions) {
			View view = views.getOrDefault(interaction.clientId(), View.NONE);
			result.put(interaction, (view == View.NONE) ? List.of()
					: interaction.contactIds()
						.stream()
						.map(listed::get)
						.filter(contact -> contact != null && contact.clientId().equals(interaction.clientId()))
						.map(contact -> ContactView.of(contact, view))
						.toList());
		}
		return result;
	}

	private Map<String, Client> clientsOf(Caller caller, List<Interaction> interactions) {
		Set<String> ids = interactions.stream().map(Interaction::clientId).collect(Collectors.toSet());
		Map<String, Client> byId = new HashMap<>();
		for (Client client : this.mongoTemplate.find(
				new Query(this.callerScopes.clientScope(caller).and(Criteria.where("_id").in(ids))), Client.class)) {
			byId.put(client.id(), client);
		}
		return byId;
	}

	/** One aggregation per (caller, filter, first, after): in a request, one per distinct argument set. */
	private Map<PageOf, InteractionQueries.Page> load(Set<PageOf> keys) {
		Map<List<Object>, List<PageOf>> groups = keys.stream()
			.collect(Collectors.groupingBy(
					key -> java.util.Arrays.asList(key.caller(), key.filter(), key.first(), key.after()),
					LinkedHashMap::new, Collectors.toList()));
		Map<PageOf, InteractionQueries.Page> result = new HashMap<>();
		for (List<PageOf> group : groups.values()) {
			PageOf sample = group.get(0);
			Map<String, InteractionQueries.Page> pages = this.queries.pagesOf(
					this.permissions.scopeFor(sample.caller(), "Client.interactions"),
					group.stream().map(PageOf::clientId).collect(Collectors.toSet()), sample.filter(), sample.first(),
					sample.after());
			for (PageOf key : group) {
				result.put(key, pages.get(key.clientId()));
			}
		}
		return result;
	}

}
