package com.corpbank.portal.contact;

import java.util.List;

import com.corpbank.portal.write.UserError;
import org.jspecify.annotations.Nullable;

/** {@code RemoveContactPayload}: the id of the contact removed, or why nothing changed. */
public record RemoveContactPayload(@Nullable String removedContactId, List<UserError> errors) {

	static RemoveContactPayload of(String removedContactId) {
		return new RemoveContactPayload(removedContactId, List.of());
	}

	static RemoveContactPayload failed(List<UserError> errors) {
		return new RemoveContactPayload(null, errors);
	}

}
