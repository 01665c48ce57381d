package com.corpbank.portal.client;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.ArgumentValue;

/**
 * {@code UpdateClientInput}: every field is checked by {@link ClientProfiles#update}. A field left out is unchanged.
 * The optional profile fields are {@link ArgumentValue}s, to tell "left out" (unchanged) from an explicit
 * {@code null} (cleared); the fields a client always has (name, uscc, divisions) cannot be cleared, so a
 * {@code null} there means unchanged too.
 */
public record UpdateClientInput(@Nullable String clientId, @Nullable String name, @Nullable String uscc,
		@Nullable String usccCheckOverride, @Nullable String industryDivision, @Nullable String adminDivision,
		ArgumentValue<String> registeredAddress, ArgumentValue<LocalDate> foundedOn,
		ArgumentValue<Integer> employees, ArgumentValue<LegalRepresentativeInput> legalRepresentative,
		@Nullable String reason, @Nullable Integer expectedVersion) {
}
