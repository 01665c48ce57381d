package com.corpbank.portal.contact;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.corpbank.portal.access.PersonalDataPolicy;
import com.corpbank.portal.access.PersonalDataPolicy.View;
import com.corpbank.portal.audit.Actor;
import com.corpbank.portal.client.Client;
import com.corpbank.portal.write.Mutations;
import graphql.GraphQLContext;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** The contact mutations and {@code Client.contacts}. */
@Controller
class ContactController {

	/** The caller's bound RM, kept in the request's context: one lookup per request, however many batches. */
	private static final String BOUND_MANAGER = ContactController.class.getName() + ".boundManager";

	private final ContactBook contacts;

	private final PersonalDataPolicy policy;

	ContactController(ContactBook contacts, PersonalDataPolicy policy) {
		this.contacts = contacts;
		this.policy = policy;
	}

	@MutationMapping
	AddContactPayload addContact(@ContextValue Actor actor, @Argument AddContactInput input) {
		return Mutations.attempt(() -> AddContactPayload.of(this.contacts.add(actor, input)),
				AddContactPayload::failed);
	}

	@MutationMapping
	UpdateContactPayload updateContact(@ContextValue Actor actor, @Argument UpdateContactInput input) {
		return Mutations.attempt(() -> UpdateContactPayload.of(this.contacts.update(actor, input)),
				UpdateContactPayload::failed);
	}

	@MutationMapping
	RemoveContactPayload removeContact(@ContextValue Actor actor, @Argument RemoveContactInput input) {
		return Mutations.attempt(() -> RemoveContactPayload.of(this.contacts.remove(actor, input)),
				RemoveContactPayload::failed);
	}

	@MutationMapping
	RevealContactPayload revealContact(@ContextValue Actor actor, @Argument RevealContactInput input) {
		return Mutations.attempt(() -> RevealContactPayload.of(this.contacts.reveal(actor, input)),
				RevealContactPayload::failed);
	}

	/**
	 * The contacts of a whole page of clients in one query (a per-client lookup would cost one query per row), each
	 * client's masked or not by the caller's view of it. The clients were loaded through the caller's scope; a
	 * caller who sees a client's personal data not at all gets an empty list (and no query for it).
	 */
	@BatchMapping(typeName = "Client")
	Map<Client, List<ContactView>> contacts(List<Client> clients, @ContextValue Actor actor,
			GraphQLContext context) {
		Optional<String> boundManager = context.computeIfAbsent(BOUND_MANAGER,
				key -> Optional.ofNullable(this.policy.boundManager(actor.caller())));
		Map<Client, View> views = new HashMap<>();
		for (Client client : clients) {
			views.put(client, this.policy.viewOf(actor.caller(), boundManager.orElse(null), client.managerUsernames()));
		}
		Map<String, List<Contact>> byClient = this.contacts.activeByClient(views.entrySet()
			.stream()
			.filter(entry -> entry.getValue() != View.NONE)
			.map(entry -> entry.getKey().id())
			.distinct()
			.toList());
		Map<Client, List<ContactView>> result = new HashMap<>();
		for (Client client : clients) {
			View view = views.get(client);
			result.put(client, (view == View.NONE) ? List.of()
					: byClient.getOrDefault(client.id(), List.of()).stream().map(c -> ContactView.of(c, view)).toList());
		}
		return result;
	}

}
