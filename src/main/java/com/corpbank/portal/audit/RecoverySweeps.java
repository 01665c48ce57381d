package com.corpbank.portal.audit;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs every {@link RecoverySweep}, in their {@code @Order}: once when every bean exists and before the context's
 * lifecycle starts the web server (an {@code ApplicationRunner} would run only after the server listens), so no
 * request sees a change whose audit event or derived write an earlier run left pending; then on a schedule. A store
 * that cannot be swept at start-up fails the start, as the index creation does; on the schedule a failure waits for
 * the next run.
 */
@Component
class RecoverySweeps implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(RecoverySweeps.class);

	private final List<RecoverySweep> sweeps;

	RecoverySweeps(List<RecoverySweep> sweeps) {
		this.sweeps = sweeps;
	}

	@Override
	public void afterSingletonsInstantiated() {
		for (RecoverySweep sweep : this.sweeps) {
			int finished = sweep.sweep();
			if (finished > 0) {
				log.warn("Start-up sweep finished {} {} left pending by an earlier run", finished, sweep.finishes());
			}
		}
	}

	@Scheduled(fixedDelayString = "${portal.audit.sweep-interval:PT1M}",
			initialDelayString = "${portal.audit.sweep-interval:PT1M}")
	void onSchedule() {
		for (RecoverySweep sweep : this.sweeps) {
			try {
				sweep.sweep();
			}
			catch (RuntimeException ex) {
				log.warn("Sweep of {} failed, next try on schedule: {}", sweep.finishes(),
						ex.getClass().getSimpleName());
			}
		}
	}

}
