package com.corpbank.portal.contact;

import java.util.List;

import com.corpbank.portal.write.UserError;
import org.jspecify.annotations.Nullable;

/** {@code AddContactPayload}: the contact, or why nothing happened. */
public record AddContactPayload(@Nullable ContactView contact, List<UserError> errors) {

	static AddContactPayload of(ContactView contact) {
		return new AddContactPayload(contact, List.of());
	}

	static AddContactPayload failed(List<UserError> errors) {
		return new AddContactPayload(null, errors);
	}

}
