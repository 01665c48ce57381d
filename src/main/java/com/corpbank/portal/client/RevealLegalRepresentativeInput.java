package com.corpbank.portal.client;

import org.jspecify.annotations.Nullable;

/** {@code RevealLegalRepresentativeInput}: checked by {@link LegalRepresentativeReveal#reveal}. */
public record RevealLegalRepresentativeInput(@Nullable String clientId, @Nullable String purpose) {
}
