package com.corpbank.portal.retiering;

import java.util.Optional;

/**
 * The seam through which a re-tiering job learns which scoring model to evaluate with: the version of the model that
 * is active now, if one is. Implemented by the {@code tier} feature (the model's owner); the job only records it.
 */
public interface ActiveModelVersion {

	/** The active model's version (its {@code tier_models} id), or empty when no model is active. */
	Optional<String> current();

}
