package com.corpbank.portal.contact;

import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.ArgumentValue;

/**
 * {@code UpdateContactInput}: a field left out keeps its value; {@code null} (or blank) clears an optional one
 * (title, email, idNumber). {@link ArgumentValue} is what tells "left out" from "null".
 */
public record UpdateContactInput(@Nullable String contactId, ArgumentValue<String> name,
		ArgumentValue<String> title, ArgumentValue<String> mobile, ArgumentValue<String> email,
		ArgumentValue<String> idNumber, @Nullable String reason, @Nullable Integer expectedVersion) {

	public UpdateContactInput {
		// Built by hand (tests, other callers) without a field: the same as leaving it out.
		name = orOmitted(name);
		title = orOmitted(title);
		mobile = orOmitted(mobile);
		email = orOmitted(email);
		idNumber = orOmitted(idNumber);
	}

	private static ArgumentValue<String> orOmitted(@Nullable ArgumentValue<String> value) {
		return (value != null) ? value : ArgumentValue.omitted();
	}

}
