package com.corpbank.portal.churn;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A churn warning 流失预警 on one client.
 *
 * <p>At most one alert per client is not CLOSED, guarded by the store: {@code openKey} is unique, and holds the
 * client id while the alert is not closed and the alert's own id once it is (see {@link ChurnAlertIndexes}), so a
 * second open alert for the same client is refused even when two evaluations race.
 *
 * @param signals the signals as last evaluated while the alert was not closed; empty when none fires any more (a
 * person still closes the alert)
 * @param openingSignals the signals that opened the alert, never changed
 * @param openedBy username of the job's or evaluator's actor that opened it
 * @param transitions every move, oldest first
 * @param lastEvaluatedOn the evaluation date of the evaluation that last wrote the signals (an evaluation that finds
 * them unchanged writes nothing, so it does not move this date)
 * @param openKey the uniqueness guard described above; not part of the API
 * @param version optimistic-locking version, 0 when opened
 */
@Document("churn_alerts")
public record ChurnAlert(@Id String id, String clientId, ChurnAlertStatus status, List<FiredSignal> signals,
		List<FiredSignal> openingSignals, Instant openedAt, String openedBy, List<ChurnAlertTransition> transitions,
		LocalDate lastEvaluatedOn, String openKey, long version) {

	public ChurnAlert {
		signals = List.copyOf(signals);
		openingSignals = List.copyOf(openingSignals);
		transitions = List.copyOf(transitions);
	}

}
