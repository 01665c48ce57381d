package com.corpbank.portal.tier;

import java.util.List;

import com.corpbank.portal.audit.Actor;
import com.corpbank.portal.graphql.InvalidArgumentException;
import com.corpbank.portal.write.Mutations;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * The scoring models: {@code Query.tierModels / tierModel / activeTierModel} and the ADMIN mutations. A model is one
 * document with everything embedded, so no field of it needs another lookup.
 */
@Controller
class TierModelController {

	private final TierModels models;

	TierModelController(TierModels models) {
		this.models = models;
	}

	@QueryMapping
	List<TierModel> tierModels(@Argument @Nullable TierModelStatus status) {
		return this.models.list(status);
	}

	@QueryMapping
	@Nullable TierModel tierModel(@Argument String version) {
		if (!TierModelValidation.isVersion(version)) {
			throw new InvalidArgumentException("version", "version is 1 to " + TierModelValidation.MAX_VERSION_LENGTH
					+ " characters of letters, digits, '.', '_' and '-'.");
		}
		return this.models.find(version).orElse(null);
	}

	@QueryMapping
	@Nullable TierModel activeTierModel() {
		return this.models.active().orElse(null);
	}

	@MutationMapping
	CreateTierModelPayload createTierModel(@ContextValue Actor actor, @Argument CreateTierModelInput input) {
		return Mutations.attempt(() -> CreateTierModelPayload.of(this.models.create(actor, input)),
				CreateTierModelPayload::failed);
	}

	@MutationMapping
	UpdateTierModelPayload updateTierModel(@ContextValue Actor actor, @Argument UpdateTierModelInput input) {
		return Mutations.attempt(() -> UpdateTierModelPayload.of(this.models.update(actor, input)),
				UpdateTierModelPayload::failed);
	}

	@MutationMapping
	ActivateTierModelPayload activateTierModel(@ContextValue Actor actor, @Argument ActivateTierModelInput input) {
		return Mutations.attempt(() -> ActivateTierModelPayload.of(this.models.activate(actor, input)),
				ActivateTierModelPayload::failed);
	}

	/** The model version is the document's id. */
	@SchemaMapping(typeName = "TierModel")
	String version(TierModel model) {
		return model.id();
	}

	/** The document version, which {@code expectedVersion} is checked against; a model stored without one is at 0. */
	@SchemaMapping(typeName = "TierModel")
	int recordVersion(TierModel model) {
		return (model.version() != null) ? Math.toIntExact(model.version()) : 0;
	}

	@SchemaMapping(typeName = "ScoringFactor")
	FactorGroup group(ScoringFactor factor) {
		return factor.input().group();
	}

}
