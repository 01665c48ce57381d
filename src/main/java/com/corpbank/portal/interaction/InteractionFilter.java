package com.corpbank.portal.interaction;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * {@code InteractionFilter}: every given condition must hold.
 *
 * @param managerUsername interactions this RM took part in
 * @param occurredFrom on or after this Beijing date
 * @param occurredTo on or before this Beijing date
 */
public record InteractionFilter(@Nullable InteractionChannel channel, @Nullable String managerUsername,
		@Nullable String clientId, @Nullable LocalDate occurredFrom, @Nullable LocalDate occurredTo) {

	public static final InteractionFilter NONE = new InteractionFilter(null, null, null, null, null);

}
