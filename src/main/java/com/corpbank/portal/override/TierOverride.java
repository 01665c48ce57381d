package com.corpbank.portal.override;

import java.time.Instant;
import java.time.LocalDate;

import com.corpbank.portal.tier.ValueTierCode;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A manual tier for one client, proposed by a maker and decided by a checker.
 *
 * <p>It applies on the days before {@code expiresOn}: on that date and after, an approved override is expired and
 * the model's tier is back. At most one override of a client is open (PROPOSED or APPROVED, and before its expiry
 * date) at a time; {@code sequence} numbers a client's overrides 1, 2, 3, ... and is unique per client, which is
 * what makes two concurrent proposals for one client impossible without transactions (see
 * {@link TierOverrideWorkflow#propose}).
 *
 * @param sequence this override's number among its client's overrides, from 1
 * @param proposedBy the maker's username
 * @param proposerSubject the maker's Keycloak user id: the maker-checker rule holds across a rename
 * @param decidedBy the checker (approve, reject) or the maker (withdraw); null while PROPOSED
 * @param decisionNote the checker's note; null when none was given
 * @param version optimistic-locking version, moved on by every audited write
 */
@Document("tier_overrides")
public record TierOverride(@Id String id, String clientId, int sequence, ValueTierCode tier, String reason,
		LocalDate expiresOn, TierOverrideStatus status, String proposedBy, String proposerSubject, Instant proposedAt,
		@Nullable String decidedBy, @Nullable Instant decidedAt, @Nullable String decisionNote,
		@Nullable @Version Long version) {

	/** The version the next change expects. */
	public long currentVersion() {
		return (this.version != null) ? this.version : 0;
	}

	/** True while it blocks another proposal for the client: PROPOSED or APPROVED, and before its expiry date. */
	public boolean isOpenOn(LocalDate day) {
		return (this.status == TierOverrideStatus.PROPOSED || this.status == TierOverrideStatus.APPROVED)
				&& day.isBefore(this.expiresOn);
	}

	/** True when it replaces the model's tier on this day. */
	public boolean appliesOn(LocalDate day) {
		return this.status == TierOverrideStatus.APPROVED && day.isBefore(this.expiresOn);
	}

	/** An approved override on or after its expiry date. */
	public boolean isExpiredOn(LocalDate day) {
		return this.status == TierOverrideStatus.APPROVED && !day.isBefore(this.expiresOn);
	}

}
