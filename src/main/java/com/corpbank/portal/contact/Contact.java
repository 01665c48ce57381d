package com.corpbank.portal.contact;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A contact person of a client, as stored. Personal data in full: never handed to GraphQL as it is, only through
 * {@link ContactView#of}, which applies the caller's view.
 *
 * @param mobile mainland mobile number, 11 digits
 * @param email local part as given, domain lower-cased
 * @param idNumber resident ID number (GB 11643), check character upper-case
 * @param removedAt when the contact was removed; a removed contact is kept (its audit events point at it) but is
 * never listed nor changed again
 * @param version optimistic-locking version, moved on by every audited write
 */
@Document("contacts")
public record Contact(@Id String id, String clientId, String name, @Nullable String title, String mobile,
		@Nullable String email, @Nullable String idNumber, Instant createdAt, String createdBy,
		@Nullable Instant removedAt, @Nullable String removedBy, @Nullable @Version Long version) {

	/** The version the next change expects; a contact written before versions existed is at 0. */
	long currentVersion() {
		return (this.version != null) ? this.version : 0;
	}

}
