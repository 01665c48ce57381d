package com.corpbank.portal.contact;

import java.util.List;

import com.corpbank.portal.write.UserError;
import org.jspecify.annotations.Nullable;

/** {@code UpdateContactPayload}: the contact, or why nothing happened. */
public record UpdateContactPayload(@Nullable ContactView contact, List<UserError> errors) {

	static UpdateContactPayload of(ContactView contact) {
		return new UpdateContactPayload(contact, List.of());
	}

	static UpdateContactPayload failed(List<UserError> errors) {
		return new UpdateContactPayload(null, errors);
	}

}
