package com.corpbank.portal.migration;

import java.time.LocalDate;
import java.util.List;

/**
 * The tier migration matrix 分层迁移矩阵: every client in the caller's scope (as it is now) that matches the filter,
 * counted by its tier on {@code from} and its tier on {@code to}.
 *
 * @param total every client counted, the sum of the cells
 * @param cells all sixteen cells (A, B, C, NONE × A, B, C, NONE), zeros included, from-tier then to-tier order
 */
public record TierMigration(LocalDate from, LocalDate to, long total, List<TierMigrationCell> cells) {

	public TierMigration {
		cells = List.copyOf(cells);
	}

}
