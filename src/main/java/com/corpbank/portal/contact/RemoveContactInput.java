package com.corpbank.portal.contact;

import org.jspecify.annotations.Nullable;

/** {@code RemoveContactInput}: checked by {@link ContactBook#remove}. */
public record RemoveContactInput(@Nullable String contactId, @Nullable Integer expectedVersion,
		@Nullable String reason) {
}
