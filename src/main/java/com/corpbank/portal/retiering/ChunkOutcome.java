package com.corpbank.portal.retiering;

import java.util.List;

/**
 * What one chunk did.
 *
 * @param processed clients evaluated (changed or not)
 * @param changed clients whose result changed and was written
 * @param failedClientIds clients that could not be evaluated
 */
public record ChunkOutcome(int processed, int changed, List<String> failedClientIds) {

	public ChunkOutcome {
		failedClientIds = List.copyOf(failedClientIds);
	}

	public int failed() {
		return this.failedClientIds.size();
	}

}
