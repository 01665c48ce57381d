package com.corpbank.portal.client;

import java.util.List;

import com.corpbank.portal.write.UserError;
import org.jspecify.annotations.Nullable;

/** {@code RevealLegalRepresentativePayload}: the legal representative unmasked, or why not. */
public record RevealLegalRepresentativePayload(@Nullable LegalRepresentative legalRepresentative,
		List<UserError> errors) {

	static RevealLegalRepresentativePayload of(LegalRepresentative legalRepresentative) {
		return new RevealLegalRepresentativePayload(legalRepresentative, List.of());
	}

	static RevealLegalRepresentativePayload failed(List<UserError> errors) {
		return new RevealLegalRepresentativePayload(null, errors);
	}

}
