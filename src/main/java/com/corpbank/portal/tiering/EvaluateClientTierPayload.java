package com.corpbank.portal.tiering;

import java.util.List;

import com.corpbank.portal.tier.ValueTier;
import com.corpbank.portal.write.UserError;
import org.jspecify.annotations.Nullable;

/** {@code EvaluateClientTierPayload}: the client's value tier after an evaluation, or why there was none. */
public record EvaluateClientTierPayload(@Nullable ValueTier valueTier, @Nullable Boolean changed,
		List<UserError> errors) {

	static EvaluateClientTierPayload of(ClientTiering.Evaluated evaluated) {
		return new EvaluateClientTierPayload(evaluated.valueTier(), evaluated.changed(), List.of());
	}

	static EvaluateClientTierPayload failed(List<UserError> errors) {
		return new EvaluateClientTierPayload(null, null, errors);
	}

}
