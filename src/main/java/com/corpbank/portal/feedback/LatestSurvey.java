package com.corpbank.portal.feedback;

import java.time.LocalDate;

/** A client's newest survey answer in a window, as the churn signals read it. */
public record LatestSurvey(String clientId, SurveyScale scale, int score, LocalDate respondedOn) {
}
