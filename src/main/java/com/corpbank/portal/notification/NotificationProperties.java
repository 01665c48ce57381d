package com.corpbank.portal.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Live notifications ({@code portal.notifications}, defaults in application.yml).
 *
 * @param pollInterval how often each instance reads new events from the store
 * @param pollOverlap how far back each poll reads before the newest event already seen, so that an event written by
 * an instance whose clock runs behind is not skipped; ids already delivered within the window are not delivered again
 * @param pollLimit the most events one poll reads (the next poll goes on from there)
 * @param retention how long an event stays in the store (a TTL index on real MongoDB, a scheduled delete too)
 * @param followUpScanInterval how often the follow-up-due scanner looks for follow-ups falling due today
 * @param maxConnectionsPerUser the most live connections one user (token subject) may hold on one instance; one more
 * is closed with 4429
 */
@ConfigurationProperties("portal.notifications")
public record NotificationProperties(Duration pollInterval, Duration pollOverlap, int pollLimit, Duration retention,
		Duration followUpScanInterval, int maxConnectionsPerUser) {

	public NotificationProperties {
		if (pollInterval == null || pollInterval.isNegative() || pollInterval.isZero()) {
			throw new IllegalArgumentException("portal.notifications.poll-interval must be positive");
		}
		if (pollOverlap == null || pollOverlap.isNegative()) {
			throw new IllegalArgumentException("portal.notifications.poll-overlap must not be negative");
		}
		if (pollLimit < 1) {
			throw new IllegalArgumentException("portal.notifications.poll-limit must be at least 1");
		}
		if (retention == null || retention.compareTo(pollOverlap.plus(pollInterval).multipliedBy(2)) < 0) {
			throw new IllegalArgumentException(
					"portal.notifications.retention must be at least twice the poll overlap plus interval");
		}
		if (followUpScanInterval == null || followUpScanInterval.isNegative() || followUpScanInterval.isZero()) {
			throw new IllegalArgumentException("portal.notifications.follow-up-scan-interval must be positive");
		}
		if (maxConnectionsPerUser < 1) {
			throw new IllegalArgumentException("portal.notifications.max-connections-per-user must be at least 1");
		}
	}

}
