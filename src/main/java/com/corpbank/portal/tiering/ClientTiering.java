package com.corpbank.portal.tiering;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.corpbank.portal.access.PermissionModel;
import com.corpbank.portal.audit.Actor;
import com.corpbank.portal.client.Client;
import com.corpbank.portal.client.ClientsInScope;
import com.corpbank.portal.override.TierOverrideDecided;
import com.corpbank.portal.security.Role;
import com.corpbank.portal.tier.TierModel;
import com.corpbank.portal.tier.TierModels;
import com.corpbank.portal.tier.ValueTier;
import com.corpbank.portal.write.InputCheck;
import com.corpbank.portal.write.MutationRejected;
import com.corpbank.portal.write.UserError;
import com.corpbank.portal.write.UserErrorCode;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Re-evaluates one client with the active model now: {@code evaluateClientTier} for the client's RMs and their leads
 * (in the scope of the roles that allow it) and for ADMIN, who runs tiering bank-wide; and at once after an override
 * is decided, so that an approved override shows without waiting for the next batch.
 */
@Service
public class ClientTiering {

	static final String MUTATION = "evaluateClientTier";

	private final TierEvaluations evaluations;

	private final TierModels models;

	private final ClientsInScope clients;

	private final PermissionModel permissions;

	private final MongoTemplate mongoTemplate;

	private final TieringProperties properties;

	private final Clock clock;

	ClientTiering(TierEvaluations evaluations, TierModels models, ClientsInScope clients, PermissionModel permissions,
			MongoTemplate mongoTemplate, TieringProperties properties, Clock clock) {
		this.evaluations = evaluations;
		this.models = models;
		this.clients = clients;
		this.permissions = permissions;
		this.mongoTemplate = mongoTemplate;
		this.properties = properties;
		this.clock = clock;
	}

	/** The client's value tier after the evaluation, and whether it changed. */
	public record Evaluated(ValueTier valueTier, boolean changed) {
	}

	Evaluated evaluate(Actor actor, EvaluateClientTierInput input) {
		InputCheck check = InputCheck.of("input");
		String clientId = check.id("clientId", input.clientId());
		check.throwIfInvalid();
		requireInScope(actor, clientId);
		TierModel model = this.models.active()
			.orElseThrow(() -> new MutationRejected(new UserError(UserErrorCode.VALIDATION, List.of("input"),
					"No tiering model is active: an ADMIN must activate one first.", null)));
		return run(actor, model, clientId, null);
	}

	/** Applies an override decision at once (the maker-checker write already happened and was audited). */
	@EventListener
	void onOverrideDecided(TierOverrideDecided decided) {
		// Runs as the checker or maker who decided, so the tier change is attributed to them.
		this.models.active().ifPresent(model -> run(decided.actor(), model, decided.clientId(),
				"override " + decided.overrideId() + " " + decided.decision()));
	}

	private Evaluated run(Actor actor, TierModel model, String clientId, @Nullable String reason) {
		Instant now = this.clock.instant();
		TierEvaluations.Result result = this.evaluations.evaluate(model, List.of(clientId),
				this.properties.asOf(this.clock), now, actor, MUTATION, null, reason);
		ValueTier valueTier = result.valueTiers().get(clientId);
		if (valueTier == null) {
			// Its document moved on between the read and the write: nothing was written.
			throw new MutationRejected(new UserError(UserErrorCode.CONFLICT, List.of("input", "clientId"),
					"The client changed while it was being evaluated; nothing was written. Try again.", null));
		}
		return new Evaluated(valueTier, result.outcome().changed() > 0);
	}

	private void requireInScope(Actor actor, String clientId) {
		if (actor.caller().roles().contains(Role.ADMIN)) {
			// ADMIN sees no client data, but runs tiering for the whole book (as the batch job does).
			if (!this.mongoTemplate.exists(new Query(Criteria.where("_id").is(clientId)), Client.class)) {
				throw ClientsInScope.notFound();
			}
			return;
		}
		this.clients.requireExists(actor.caller(), MUTATION, clientId);
	}

}
