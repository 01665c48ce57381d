package com.corpbank.portal.migration;

/** One cell of the matrix: how many clients had {@code fromTier} on the first date and {@code toTier} on the second. */
public record TierMigrationCell(MigrationTier fromTier, MigrationTier toTier, long count) {
}
