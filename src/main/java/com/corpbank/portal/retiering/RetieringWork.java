package com.corpbank.portal.retiering;

import java.util.List;

/**
 * The work a re-tiering job does on one chunk of clients (about a thousand, in id order): evaluate each client with
 * the run's model, write what changed in unordered bulk writes, and say how it went. It must be idempotent: a chunk
 * processed again with the same model and inputs changes nothing, so a resumed job may repeat its last chunk.
 */
public interface RetieringWork {

	/**
	 * @param run the job this chunk belongs to
	 * @param clientIds the chunk's client ids, ascending
	 * @return counts for the chunk; a client that could not be evaluated counts as failed, not as an exception
	 */
	ChunkOutcome process(RetieringRun run, List<String> clientIds);

}
