package com.corpbank.portal.feedback;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * One period of a satisfaction trend. Averages are kept per scale (a five-point and an NPS score are not averaged
 * together), with {@value SatisfactionTrends#AVERAGE_SCALE} decimals, half up.
 *
 * @param period "2026-11" for a month, "2026-Q4" for a quarter
 * @param fivePointAverage null when no five-point answer fell in the period
 * @param npsAverage null when no NPS answer fell in the period
 * @param npsScore the share of promoters (9-10) minus the share of detractors (0-6) among the period's NPS answers,
 * in points from -100 to 100 with {@value SatisfactionTrends#NPS_SCALE} decimal; null without NPS answers
 */
public record SatisfactionPoint(String period, LocalDate startsOn, LocalDate endsOn, int responses,
		int fivePointResponses, @Nullable BigDecimal fivePointAverage, int npsResponses,
		@Nullable BigDecimal npsAverage, @Nullable BigDecimal npsScore) {
}
