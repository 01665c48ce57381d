package com.corpbank.portal.quality;

import org.jspecify.annotations.Nullable;

/**
 * The counts over the clients whose primary RM sits in one team.
 *
 * @param teamCode the team's org unit code; null for clients whose primary RM the directory does not know
 * @param teamName the team's name; null when the directory has no such unit
 */
public record TeamDataQuality(@Nullable String teamCode, @Nullable String teamName, DataQualityCounts counts) {
}
