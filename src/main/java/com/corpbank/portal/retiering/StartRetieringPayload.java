package com.corpbank.portal.retiering;

import java.util.List;

import com.corpbank.portal.write.UserError;
import org.jspecify.annotations.Nullable;

/** {@code StartRetieringPayload}: the job, RUNNING, or why none started. */
public record StartRetieringPayload(@Nullable RetieringJob job, List<UserError> errors) {

	static StartRetieringPayload of(RetieringJob job) {
		return new StartRetieringPayload(job, List.of());
	}

	static StartRetieringPayload failed(List<UserError> errors) {
		return new StartRetieringPayload(null, errors);
	}

}
