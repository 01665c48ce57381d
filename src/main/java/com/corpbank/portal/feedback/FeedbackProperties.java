package com.corpbank.portal.feedback;

import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code portal.feedback}: the complaint SLAs per severity. A complaint's {@code slaDueAt} is its {@code raisedAt}
 * plus its severity's SLA, fixed when raised. Checked at start-up: every severity needs a positive duration.
 *
 * @param sla per severity (defaults CRITICAL P1D, HIGH P3D, MEDIUM P7D, LOW P15D); a severity left out keeps its
 * default
 */
@ConfigurationProperties("portal.feedback")
public record FeedbackProperties(@Nullable Map<ComplaintSeverity, Duration> sla) {

	/** The SLAs when nothing is configured. */
	public static final Map<ComplaintSeverity, Duration> DEFAULT_SLA = Map.of(ComplaintSeverity.CRITICAL,
			Duration.ofDays(1), ComplaintSeverity.HIGH, Duration.ofDays(3), ComplaintSeverity.MEDIUM, Duration.ofDays(7),
			ComplaintSeverity.LOW, Duration.ofDays(15));

	public FeedbackProperties {
		Map<ComplaintSeverity, Duration> merged = new EnumMap<>(DEFAULT_SLA);
		if (sla != null) {
			merged.putAll(sla);
		}
		for (ComplaintSeverity severity : EnumSet.allOf(ComplaintSeverity.class)) {
			Duration duration = merged.get(severity);
			if (duration == null || duration.isNegative() || duration.isZero()) {
				throw new IllegalArgumentException("portal.feedback.sla." + severity + " must be a positive duration");
			}
		}
		sla = Map.copyOf(merged);
	}

	/** The SLA of a severity. */
	public Duration slaOf(ComplaintSeverity severity) {
		return Objects.requireNonNull(this.sla).get(severity);
	}

}
