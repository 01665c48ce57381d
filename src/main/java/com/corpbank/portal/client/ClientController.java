package com.corpbank.portal.client;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

import com.corpbank.portal.graphql.InputText;
import com.corpbank.portal.graphql.LoaderFields;
import com.corpbank.portal.manager.ManagerRepository;
import com.corpbank.portal.manager.RelationshipManager;
import com.corpbank.portal.security.Caller;
import graphql.schema.idl.RuntimeWiring;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * {@code Query.clients}, {@code Query.client} and the fields of {@code Client} that need another lookup.
 *
 * <p>Those fields are batched: GraphQL resolves a field once per parent, so a page of 50 clients asking for
 * {@code primaryManager} would otherwise cost 50 queries (the N+1 problem). A DataLoader collects the whole page's
 * keys and answers them with one query, whatever the page size.
 */
@Controller
class ClientController implements RuntimeWiringConfigurer {

	private static final String MANAGERS_BY_USERNAME = "managersByUsername";

	/** The schema's default, also used when a caller sends {@code first: null}. */
	static final int DEFAULT_PAGE_SIZE = 20;

	private final ClientQueries clientQueries;

	private final ManagerRepository managers;

	ClientController(ClientQueries clientQueries, ManagerRepository managers, BatchLoaderRegistry loaders) {
		this.clientQueries = clientQueries;
		this.managers = managers;
		loaders.<String, RelationshipManager>forName(MANAGERS_BY_USERNAME)
			.registerMappedBatchLoader((usernames, environment) -> Mono.fromCallable(() -> managersByUsername(usernames)));
	}

	@QueryMapping
	ClientConnection clients(@AuthenticationPrincipal Caller caller, @Argument @Nullable Integer first,
			@Argument @Nullable String after, @Argument @Nullable ClientFilter filter,
			@Argument @Nullable ClientOrder orderBy) {
		return this.clientQueries.page(caller, (first != null) ? first : DEFAULT_PAGE_SIZE, after, (filter != null) ? filter : ClientFilter.NONE,
				(orderBy != null) ? orderBy : ClientOrder.DEFAULT);
	}

	@QueryMapping
	@Nullable Client client(@AuthenticationPrincipal Caller caller, @Argument String id) {
		// The one check of the id argument: capped and plain before it goes near the store.
		return this.clientQueries.byId(caller, InputText.requireId("id", id)).orElse(null);
	}

	/** Seeded before versions existed reads as version 0, the version the first change expects. */
	@SchemaMapping
	int version(Client client) {
		return (client.version() != null) ? Math.toIntExact(client.version()) : 0;
	}

	/**
	 * Both RM fields load through one DataLoader keyed by username, so a page's primary and co-RMs are one lookup in
	 * one dispatch, and {@code RelationshipManager.team} then sees them all at once: with two loaders the co-RMs were
	 * dispatched a level later and cost a second team lookup on some pages, so commands varied with page size. The
	 * two fields are {@link LoaderFields} (run once per row of a page, they only hand usernames to the loader).
	 */
	@Override
	public void configure(RuntimeWiring.Builder wiring) {
		wiring.type("Client", type -> type
			.dataFetcher("primaryManager", LoaderFields.<Client, String, RelationshipManager>one(MANAGERS_BY_USERNAME,
					RelationshipManager.class, Client::primaryManager))
			.dataFetcher("coManagers", LoaderFields.<Client, String, RelationshipManager>many(MANAGERS_BY_USERNAME,
					RelationshipManager.class, Client::coManagers)));
	}

	private Map<String, RelationshipManager> managersByUsername(Collection<String> usernames) {
		if (usernames.isEmpty()) {
			return Map.of();
		}
		return this.managers.findAllById(usernames)
			.stream()
			.collect(Collectors.toMap(RelationshipManager::username, manager -> manager));
	}

}
