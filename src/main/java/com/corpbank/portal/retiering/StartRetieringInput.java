package com.corpbank.portal.retiering;

import org.jspecify.annotations.Nullable;

/** {@code StartRetieringInput}: checked by {@link RetieringJobs#start}. */
public record StartRetieringInput(@Nullable String reason) {
}
