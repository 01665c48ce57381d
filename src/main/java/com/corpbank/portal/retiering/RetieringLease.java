package com.corpbank.portal.retiering;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The single-runner lease across instances: ShedLock's MongoDB lock {@value #NAME} (one document in
 * {@code shedLock}, taken with a conditional upsert, so the embedded store supports it). Held while a job runs and
 * renewed before each chunk; a runner that dies stops renewing, and once the lease lapses another instance may take
 * it and resume the job.
 */
@Component
class RetieringLease {

	static final String NAME = "retiering";

	private final MongoLockProvider locks;

	private final Duration lease;

	RetieringLease(MongoTemplate mongoTemplate, RetieringProperties properties) {
		this.locks = new MongoLockProvider(mongoTemplate.getDb());
		this.lease = properties.lease();
	}

	/** The lease, when no runner holds it. */
	Optional<SimpleLock> acquire() {
		return this.locks.lock(new LockConfiguration(Instant.now(), NAME, this.lease, Duration.ZERO));
	}

	/** Renews a held lease for another full term; empty when it had lapsed (another runner may own the job now). */
	Optional<SimpleLock> renew(SimpleLock held) {
		return held.extend(this.lease, Duration.ZERO);
	}

}
