package com.corpbank.portal.feedback;

import java.util.List;

import com.corpbank.portal.write.UserError;
import org.jspecify.annotations.Nullable;

/** {@code RecordSurveyResultPayload}: the result as stored, or why nothing was recorded. */
public record RecordSurveyResultPayload(@Nullable SurveyResult surveyResult, List<UserError> errors) {

	static RecordSurveyResultPayload of(SurveyResult result) {
		return new RecordSurveyResultPayload(result, List.of());
	}

	static RecordSurveyResultPayload failed(List<UserError> errors) {
		return new RecordSurveyResultPayload(null, errors);
	}

}
