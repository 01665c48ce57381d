package com.corpbank.portal.contact;

import org.jspecify.annotations.Nullable;

/** {@code AddContactInput}: every field is checked by {@link ContactBook#add} (rules in {@link ContactFields}). */
public record AddContactInput(@Nullable String clientId, @Nullable String name, @Nullable String title,
		@Nullable String mobile, @Nullable String email, @Nullable String idNumber) {
}
