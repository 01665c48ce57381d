package com.corpbank.portal.contact;

import java.util.List;

import com.corpbank.portal.write.UserError;
import org.jspecify.annotations.Nullable;

/** {@code RevealContactPayload}: the contact, or why nothing happened. */
public record RevealContactPayload(@Nullable ContactView contact, List<UserError> errors) {

	static RevealContactPayload of(ContactView contact) {
		return new RevealContactPayload(contact, List.of());
	}

	static RevealContactPayload failed(List<UserError> errors) {
		return new RevealContactPayload(null, errors);
	}

}
