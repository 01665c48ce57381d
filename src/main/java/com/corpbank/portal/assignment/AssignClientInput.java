package com.corpbank.portal.assignment;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * {@code AssignClientInput}: every field is checked by {@link ClientHandover#assign}.
 *
 * @param primaryManager username of the new primary RM (may be the current one, for a co-RM change)
 * @param coManagers the complete new list of co-RMs (empty for none): RMs left out are removed
 */
public record AssignClientInput(@Nullable String clientId, @Nullable String primaryManager,
		@Nullable List<String> coManagers, @Nullable String reason, @Nullable Integer expectedVersion) {
}
