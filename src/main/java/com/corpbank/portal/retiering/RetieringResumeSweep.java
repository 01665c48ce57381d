package com.corpbank.portal.retiering;

import com.corpbank.portal.audit.RecoverySweep;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Resumes a re-tiering job whose runner died, once its lease has lapsed: at start-up (the job continues on the
 * background runner, the start does not wait for it) and on the sweep schedule, on whichever instance takes the
 * lease first. Last of the sweeps: the audit outbox is finished before a job writes more.
 */
@Component
@Order(100)
class RetieringResumeSweep implements RecoverySweep {

	private final RetieringJobs jobs;

	RetieringResumeSweep(RetieringJobs jobs) {
		this.jobs = jobs;
	}

	@Override
	public int sweep() {
		return this.jobs.resumeAbandoned();
	}

	@Override
	public String finishes() {
		return "re-tiering jobs resumed";
	}

}
