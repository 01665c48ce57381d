package com.corpbank.portal.tier;

import java.time.LocalDate;

/** An approved tier override in force when a client was evaluated (maker-checker: proposed by one, approved by another). */
public record AppliedOverride(String overrideId, ValueTierCode tier, LocalDate expiresOn, String proposedBy,
		String approvedBy) {
}
