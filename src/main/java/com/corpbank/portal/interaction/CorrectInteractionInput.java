package com.corpbank.portal.interaction;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * {@code CorrectInteractionInput}: the interaction as it should read (every content field, as on recording), why,
 * and the version read. Checked by {@link InteractionJournal#correct}.
 */
public record CorrectInteractionInput(@Nullable String interactionId, @Nullable InteractionChannel channel,
		@Nullable Instant occurredAt, @Nullable List<String> managers, @Nullable List<String> contactIds,
		@Nullable String summary, @Nullable String nextStep, @Nullable LocalDate followUpOn, @Nullable String reason,
		@Nullable Integer expectedVersion) {
}
