/**
 * Evaluating clients with the active value-tiering model: inputs, score and explanation, lifecycle stage, tier
 * history, on demand and for the batch job.
 */
@NullMarked
package com.corpbank.portal.tiering;

import org.jspecify.annotations.NullMarked;
