package com.corpbank.portal.tier;

/** Why a client's tier result changed. */
public enum TierReason {
	/** The client's first evaluation by a model. */
	INITIAL,
	/** The score rose under the same model. */
	SCORE_UP,
	/** The score fell under the same model. */
	SCORE_DOWN,
	/** A different model version evaluated the client. */
	MODEL_CHANGE,
	/** An approved override now sets the tier. */
	OVERRIDE,
	/** The override expired: the model's tier applies again. */
	OVERRIDE_EXPIRED,
	/** The score and tier stayed, but an input, the explanation or the lifecycle stage changed. */
	INPUTS_CHANGED
}
