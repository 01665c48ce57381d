package com.corpbank.portal.tier;

import org.jspecify.annotations.Nullable;

/** {@code ActivateTierModelInput}: the draft to activate and its record version as read. */
public record ActivateTierModelInput(@Nullable String version, @Nullable Integer expectedVersion) {
}
