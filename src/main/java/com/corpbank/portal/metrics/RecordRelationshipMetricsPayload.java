package com.corpbank.portal.metrics;

import java.util.List;

import com.corpbank.portal.write.UserError;
import org.jspecify.annotations.Nullable;

/** {@code RecordRelationshipMetricsPayload}: the month's figures as recorded, or why nothing changed. */
public record RecordRelationshipMetricsPayload(@Nullable RelationshipMetrics metrics, List<UserError> errors) {

	static RecordRelationshipMetricsPayload of(RelationshipMetrics metrics) {
		return new RecordRelationshipMetricsPayload(metrics, List.of());
	}

	static RecordRelationshipMetricsPayload failed(List<UserError> errors) {
		return new RecordRelationshipMetricsPayload(null, errors);
	}

}
