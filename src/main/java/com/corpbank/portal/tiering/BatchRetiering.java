package com.corpbank.portal.tiering;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.corpbank.portal.audit.Actor;
import com.corpbank.portal.retiering.ActiveModelVersion;
import com.corpbank.portal.retiering.ChunkOutcome;
import com.corpbank.portal.retiering.RetieringRun;
import com.corpbank.portal.retiering.RetieringWork;
import com.corpbank.portal.security.Caller;
import com.corpbank.portal.tier.TierModel;
import com.corpbank.portal.tier.TierModels;
import org.springframework.stereotype.Component;

/**
 * What the re-tiering job does with each chunk: evaluate its clients with the job's model (see
 * {@link TierEvaluations}). Changes are attributed to the ADMIN who started the job, with the job's id as the
 * request id, so the audit trail ties every batch change to its job.
 */
@Component
class BatchRetiering implements RetieringWork, ActiveModelVersion {

	static final String OPERATION = "retiering";

	private final TierEvaluations evaluations;

	private final TierModels models;

	private final Clock clock;

	BatchRetiering(TierEvaluations evaluations, TierModels models, Clock clock) {
		this.evaluations = evaluations;
		this.models = models;
		this.clock = clock;
	}

	@Override
	public Optional<String> current() {
		return this.models.active().map(TierModel::id);
	}

	@Override
	public ChunkOutcome process(RetieringRun run, List<String> clientIds) {
		TierModel model = this.models.find(run.modelVersion())
			.orElseThrow(() -> new IllegalStateException("model " + run.modelVersion() + " of job " + run.jobId()
					+ " is gone"));
		Actor actor = new Actor(new Caller("system:retiering", run.startedBy(), "Re-tiering job " + run.jobId(),
				Set.of(), null), run.jobId());
		return this.evaluations.evaluate(model, clientIds, run.asOf(), this.clock.instant(), actor, OPERATION,
				run.jobId(), "re-tiering job " + run.jobId()).outcome();
	}

}
