package com.corpbank.portal.client;

import org.jspecify.annotations.Nullable;

/** {@code LegalRepresentativeInput}: checked by {@link ClientProfileRules#legalRepresentative}. */
public record LegalRepresentativeInput(@Nullable String name, @Nullable String idNumber) {
}
