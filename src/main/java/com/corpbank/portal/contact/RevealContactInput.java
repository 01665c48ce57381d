package com.corpbank.portal.contact;

import org.jspecify.annotations.Nullable;

/** {@code RevealContactInput}: checked by {@link ContactBook#reveal}. */
public record RevealContactInput(@Nullable String contactId, @Nullable String purpose) {
}
