package com.corpbank.portal.client;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.corpbank.portal.access.PersonalDataPolicy;
import com.corpbank.portal.access.PersonalDataPolicy.View;
import com.corpbank.portal.audit.Actor;
import com.corpbank.portal.write.Mutations;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code Mutation.createClient}, {@code Mutation.updateClient}, the legal representative of {@code Client} and
 * {@code Mutation.revealLegalRepresentative}.
 */
@Controller
class ClientProfileController {

	private final ClientProfiles profiles;

	private final PersonalDataPolicy personalData;

	private final LegalRepresentativeReveal reveal;

	ClientProfileController(ClientProfiles profiles, PersonalDataPolicy personalData,
			LegalRepresentativeReveal reveal) {
		this.profiles = profiles;
		this.personalData = personalData;
		this.reveal = reveal;
	}

	@MutationMapping
	CreateClientPayload createClient(@ContextValue Actor actor, @Argument CreateClientInput input) {
		return Mutations.attempt(() -> CreateClientPayload.of(this.profiles.create(actor, input)),
				CreateClientPayload::failed);
	}

	@MutationMapping
	UpdateClientPayload updateClient(@ContextValue Actor actor, @Argument UpdateClientInput input) {
		return Mutations.attempt(() -> UpdateClientPayload.of(this.profiles.update(actor, input)),
				UpdateClientPayload::failed);
	}

	@MutationMapping
	RevealLegalRepresentativePayload revealLegalRepresentative(@ContextValue Actor actor,
			@Argument RevealLegalRepresentativeInput input) {
		return Mutations.attempt(() -> RevealLegalRepresentativePayload.of(this.reveal.reveal(actor, input)),
				RevealLegalRepresentativePayload::failed);
	}

	/**
	 * The legal representative as the caller may see it (PersonalDataPolicy): in full for the client's own RMs, the
	 * ID number masked for leads and analysts. Batched because the view needs the RM record bound to the caller:
	 * one lookup for the whole page, not one per client. Roles that may not see it at all never get here (the
	 * permission table hides {@code Client.legalRepresentative}).
	 */
	@BatchMapping
	Map<Client, LegalRepresentative> legalRepresentative(List<Client> clients, @ContextValue Actor actor) {
		Map<Client, LegalRepresentative> result = new HashMap<>();
		if (clients.stream().allMatch(client -> client.legalRepresentative() == null)) {
			return result;
		}
		String boundManager = this.personalData.boundManager(actor.caller());
		for (Client client : clients) {
			LegalRepresentative representative = client.legalRepresentative();
			if (representative == null) {
				continue;
			}
			View view = this.personalData.viewOf(actor.caller(), boundManager, client.managerUsernames());
			switch (view) {
				case FULL -> result.put(client, representative);
				case MASKED -> result.put(client, new LegalRepresentative(representative.name(),
						PersonalDataPolicy.maskIdNumber(representative.idNumber())));
				case NONE -> {
				}
			}
		}
		return result;
	}

}
