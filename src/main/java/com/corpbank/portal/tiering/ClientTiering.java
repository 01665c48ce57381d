package com.corpbank.portal.tiering;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.corpbank.portal.audit.Actor;
import com.corpbank.portal.client.ClientsInScope;
import com.corpbank.portal.override.TierOverrideDecided;
import com.corpbank.portal.tier.TierModel;
import com.corpbank.portal.tier.TierModels;
import com.corpbank.portal.tier.ValueTier;
import com.corpbank.portal.write.InputCheck;
import com.corpbank.portal.write.MutationRejected;
import com.corpbank.portal.write.UserError;
import com.corpbank.portal.write.UserErrorCode;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Re-evaluates one client with the active model now: {@code evaluateClientTier} in the scope of the roles that allow
 * it (ADMIN's is every client, see {@code Permissions}); and at once after an override
 * is decided, so that an approved override shows without waiting for the next batch.
 */
@Service
public class ClientTiering {

	static final String MUTATION = "evaluateClientTier";

	private final TierEvaluations evaluations;

	private final TierModels models;

	private final ClientsInScope clients;

	private final TieringProperties properties;

	private final Clock clock;

	ClientTiering(TierEvaluations evaluations, TierModels models, ClientsInScope clients, TieringProperties properties,
			Clock clock) {
		this.evaluations = evaluations;
		this.models = models;
		this.clients = clients;
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
		this.clients.requireExists(actor.caller(), MUTATION, clientId);
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

}
