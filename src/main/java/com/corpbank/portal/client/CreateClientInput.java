package com.corpbank.portal.client;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * {@code CreateClientInput}: every field is checked by {@link ClientProfiles#create}.
 *
 * @param usccCheckOverride why a USCC that fails its check character is accepted anyway (the registry holds it)
 * @param primaryManager the RM who will serve the client; an RM caller leaves it out (or names themselves)
 */
public record CreateClientInput(@Nullable String name, @Nullable String uscc, @Nullable String usccCheckOverride,
		@Nullable String industryDivision, @Nullable String adminDivision, @Nullable String registeredAddress,
		@Nullable LocalDate foundedOn, @Nullable Integer employees,
		@Nullable LegalRepresentativeInput legalRepresentative, @Nullable String primaryManager) {
}
