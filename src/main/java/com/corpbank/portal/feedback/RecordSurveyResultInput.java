package com.corpbank.portal.feedback;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** {@code RecordSurveyResultInput}: checked by {@link SurveyRecording}. */
public record RecordSurveyResultInput(@Nullable String clientId, @Nullable SurveyScale scale, @Nullable Integer score,
		@Nullable String comments, @Nullable SurveyChannel channel, @Nullable LocalDate respondedOn) {
}
