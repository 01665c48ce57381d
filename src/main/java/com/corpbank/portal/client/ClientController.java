package com.corpbank.portal.client;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import com.corpbank.portal.graphql.InputText;
import com.corpbank.portal.manager.ManagerRepository;
import com.corpbank.portal.manager.RelationshipManager;
import com.corpbank.portal.security.Caller;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/**
 * {@code Query.clients}, {@code Query.client} and the fields of {@code Client} that need another lookup.
 *
 * <p>Those fields are {@code @BatchMapping}s: GraphQL resolves a field once per parent, so a page of 50 clients
 * asking for {@code primaryManager} would otherwise cost 50 queries (the N+1 problem). A batch mapping gets the
 * whole page's clients at once and answers them with one query, whatever the page size.
 */
@Controller
class ClientController {

	/** The schema's default, also used when a caller sends {@code first: null}. */
	static final int DEFAULT_PAGE_SIZE = 20;

	private final ClientQueries clientQueries;

	private final ManagerRepository managers;

	ClientController(ClientQueries clientQueries, ManagerRepository managers) {
		this.clientQueries = clientQueries;
		this.managers = managers;
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

	@BatchMapping
	Map<Client, RelationshipManager> primaryManager(List<Client> clients) {
		Map<String, RelationshipManager> byUsername = managersByUsername(
				clients.stream().map(Client::primaryManager).collect(Collectors.toSet()));
		Map<Client, RelationshipManager> result = new HashMap<>();
		for (Client client : clients) {
			RelationshipManager manager = byUsername.get(client.primaryManager());
			if (manager != null) {
				result.put(client, manager);
			}
		}
		return result;
	}

	@BatchMapping
	Map<Client, List<RelationshipManager>> coManagers(List<Client> clients) {
		Map<String, RelationshipManager> byUsername = managersByUsername(
				clients.stream().flatMap(client -> client.coManagers().stream()).collect(Collectors.toSet()));
		Map<Client, List<RelationshipManager>> result = new HashMap<>();
		for (Client client : clients) {
			result.put(client, client.coManagers().stream().map(byUsername::get).filter(Objects::nonNull).toList());
		}
		return result;
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
