package com.corpbank.portal.migration;

import org.jspecify.annotations.Nullable;

/** A row or column of the migration matrix: a value tier, or NONE when no tier is known for the client that day. */
public enum MigrationTier {

	/** 贵宾 VIP. */
	A,
	/** 普通 standard. */
	B,
	/** 潜力 potential. */
	C,
	/** 无分层: not evaluated by then, or a tier from before the history that carries no date. */
	NONE;

	/** The value the aggregation groups by: the tier code, or null for NONE. */
	@Nullable String stored() {
		return (this == NONE) ? null : name();
	}

	static MigrationTier of(@Nullable Object stored) {
		return (stored == null) ? NONE : valueOf(stored.toString());
	}

}
