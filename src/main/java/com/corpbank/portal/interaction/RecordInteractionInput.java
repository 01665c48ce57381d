package com.corpbank.portal.interaction;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** {@code RecordInteractionInput}: every field is checked by {@link InteractionJournal#record}. */
public record RecordInteractionInput(@Nullable String clientId, @Nullable InteractionChannel channel,
		@Nullable Instant occurredAt, @Nullable List<String> managers, @Nullable List<String> contactIds,
		@Nullable String summary, @Nullable String nextStep, @Nullable LocalDate followUpOn) {
}
