package com.corpbank.portal.quality;

import java.time.LocalDate;
import java.util.List;

/**
 * The data quality report over the caller's client scope.
 *
 * @param asOf the Beijing date the report was computed for
 * @param requiredFiscalYear the fiscal year whose annual statement every client must have on file by {@code asOf}
 * @param total every client of the scope
 * @param teams per team of the primary RM, by team code (clients of an unknown RM last)
 */
public record DataQualityReport(LocalDate asOf, int requiredFiscalYear, DataQualityCounts total,
		List<TeamDataQuality> teams) {
}
