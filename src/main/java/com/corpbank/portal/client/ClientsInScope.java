package com.corpbank.portal.client;

import java.util.Optional;

import com.corpbank.portal.access.PermissionModel;
import com.corpbank.portal.audit.WriteTarget;
import com.corpbank.portal.security.Caller;
import com.corpbank.portal.write.MutationRejected;
import com.corpbank.portal.write.UserError;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The one way a mutation finds the client it acts on: by id, inside the row scope of the roles that allow the
 * operation ({@link PermissionModel#scopeFor}). A client outside that scope is {@code NOT_FOUND}, exactly like one
 * that does not exist. The criteria found with it (id and scope) go into the conditional write, so a handover that
 * lands between the read and the write makes the write miss rather than change a client the caller lost.
 */
@Service
public class ClientsInScope {

	/** Where a client mutation names its client and the version it read. */
	public static final WriteTarget TARGET = WriteTarget.of("client", "clientId");

	private final MongoTemplate mongoTemplate;

	private final PermissionModel permissions;

	ClientsInScope(MongoTemplate mongoTemplate, PermissionModel permissions) {
		this.mongoTemplate = mongoTemplate;
		this.permissions = permissions;
	}

	/**
	 * A client as read for a change.
	 * @param match the client's id and the caller's scope for the operation: the write's match criteria
	 */
	public record Found(Client client, Criteria match) {

		/** The client's version; one seeded before versions existed is at 0. */
		public long version() {
			return (this.client.version() != null) ? this.client.version() : 0;
		}

		/**
		 * This client, when it is still at the version the caller read.
		 * @throws MutationRejected CONFLICT naming the current version
		 */
		public Found atVersion(long expectedVersion) {
			if (version() != expectedVersion) {
				throw new MutationRejected(UserError.conflict(TARGET.versionField(), version()));
			}
			return this;
		}

	}

	/** The client, or empty when it does not exist or is outside the caller's scope for the operation. */
	public Optional<Found> read(Caller caller, String mutation, String clientId) {
		Criteria match = matchOf(caller, mutation, clientId);
		return Optional.ofNullable(this.mongoTemplate.findOne(new Query(match), Client.class))
			.map(client -> new Found(client, match));
	}

	/**
	 * The client the mutation acts on.
	 * @throws MutationRejected NOT_FOUND on {@code input.clientId}
	 */
	public Found require(Caller caller, String mutation, String clientId) {
		return read(caller, mutation, clientId).orElseThrow(ClientsInScope::notFound);
	}

	/**
	 * Only that the client is there for the caller, without loading it (a mutation that writes another document).
	 * @throws MutationRejected NOT_FOUND on {@code input.clientId}
	 */
	public Criteria requireExists(Caller caller, String mutation, String clientId) {
		Criteria match = matchOf(caller, mutation, clientId);
		if (!this.mongoTemplate.exists(new Query(match), Client.class)) {
			throw notFound();
		}
		return match;
	}

	/** True when the client is there for the caller and the operation (for a record that belongs to a client). */
	public boolean isInScope(Caller caller, String mutation, String clientId) {
		return this.mongoTemplate.exists(new Query(matchOf(caller, mutation, clientId)), Client.class);
	}

	private Criteria matchOf(Caller caller, String mutation, String clientId) {
		return this.permissions.scopeFor(caller, "Mutation." + mutation).and(Criteria.where("_id").is(clientId));
	}

	/** The NOT_FOUND of a client mutation, for a client that is missing or out of scope alike. */
	public static MutationRejected notFound() {
		return new MutationRejected(UserError.notFound(TARGET.idField(), TARGET.what()));
	}

}
