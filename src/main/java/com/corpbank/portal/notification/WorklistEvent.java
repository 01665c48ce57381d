package com.corpbank.portal.notification;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One worklist event, as stored in {@code notifications} and as pushed to subscribers. Its id is deterministic for
 * what it reports, so the same fact written twice (two instances, a replayed write, an outbox move repeated) is one
 * document: a duplicate insert is refused by {@code _id} and ignored.
 *
 * <p>Producers with an audited write attach the event to that write (it travels in the document's outbox and is
 * moved to {@code notifications} by {@code audit.OutboxRelay}, so the change and its notification are written
 * together); producers without one call {@link WorklistEvents#publish}.
 *
 * @param subjectId the churn alert's id, the complaint's id, or the client's id for a follow-up
 * @param rmUsername the RM concerned: the follow-up's RM, the complaint's assignee; null for a churn alert
 * @param dueOn the follow-up's due date, or the complaint's SLA due date; null otherwise
 * @param occurredAt when the writing instance recorded it (its own clock: pollers read with an overlap)
 */
@Document(WorklistEvent.COLLECTION)
public record WorklistEvent(@Id String id, WorklistEventKind kind, String clientId, String subjectId,
		@Nullable String rmUsername, @Nullable LocalDate dueOn, Instant occurredAt) {

	/** Where events travel between instances. */
	public static final String COLLECTION = "notifications";

	/** A churn alert was opened: one event per alert (an alert is opened once). */
	public static WorklistEvent churnAlertOpened(String alertId, String clientId, Instant at) {
		return new WorklistEvent("CA-OPENED:" + alertId, WorklistEventKind.CHURN_ALERT_OPENED, clientId, alertId, null,
				null, at);
	}

	/** The client's follow-up falls due on {@code dueOn}: one event per client and due date. */
	public static WorklistEvent followUpDue(String clientId, String rmUsername, LocalDate dueOn, Instant at) {
		return new WorklistEvent("FU-DUE:" + clientId + ":" + dueOn, WorklistEventKind.FOLLOW_UP_DUE, clientId,
				clientId, rmUsername, dueOn, at);
	}

	/**
	 * A complaint was assigned to {@code assignee}. {@code assignment} tells assignments of the same complaint
	 * apart (e.g. the complaint's version after the assigning write): one event per assignment.
	 */
	public static WorklistEvent complaintAssigned(String complaintId, String clientId, String assignee,
			@Nullable LocalDate slaDueOn, long assignment, Instant at) {
		return new WorklistEvent("CP-ASSIGNED:" + complaintId + ":" + assignment, WorklistEventKind.COMPLAINT_ASSIGNED,
				clientId, complaintId, assignee, slaDueOn, at);
	}

}
