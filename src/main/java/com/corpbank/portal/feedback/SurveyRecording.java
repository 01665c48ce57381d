package com.corpbank.portal.feedback;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import com.corpbank.portal.BankTime;
import com.corpbank.portal.audit.Actor;
import com.corpbank.portal.audit.AuditEvent;
import com.corpbank.portal.audit.AuditedWrites;
import com.corpbank.portal.client.Client;
import com.corpbank.portal.client.ClientsInScope;
import com.corpbank.portal.write.InputCheck;
import org.springframework.stereotype.Service;

/**
 * Records satisfaction survey results: the client's own RMs (primary or co-RM; a client outside that scope is
 * NOT_FOUND like a missing one). The score must lie on its scale (five-point 1-5, NPS 0-10); the answer date must not
 * be in the future (Beijing) nor before {@link #EARLIEST}. The result is counted for the client's primary RM at the
 * time ({@code rmUsername}), whoever records it. One audited insert.
 */
@Service
public class SurveyRecording {

	static final String ENTITY_TYPE = "SurveyResult";

	static final int MAX_COMMENTS = 2000;

	/** No survey of the portal's book is older. */
	static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

	private final ClientsInScope clients;

	private final AuditedWrites writes;

	private final Clock clock;

	SurveyRecording(ClientsInScope clients, AuditedWrites writes, Clock clock) {
		this.clients = clients;
		this.writes = writes;
		this.clock = clock;
	}

	public SurveyResult record(Actor actor, RecordSurveyResultInput input) {
		InputCheck check = InputCheck.of("input");
		String clientId = check.id("clientId", input.clientId());
		SurveyScale scale = input.scale();
		if (scale == null) {
			check.reject("scale", "scale is required.");
		}
		Integer score = (scale != null) ? check.range("score", input.score(), scale.min(), scale.max(), true)
				: check.range("score", input.score(), 0, 10, true);
		String comments = check.optionalText("comments", input.comments(), MAX_COMMENTS);
		if (input.channel() == null) {
			check.reject("channel", "channel is required.");
		}
		Instant now = this.clock.instant();
		LocalDate today = now.atZone(BankTime.ZONE).toLocalDate();
		LocalDate respondedOn = input.respondedOn();
		if (respondedOn == null) {
			check.reject("respondedOn", "respondedOn is required.");
		}
		else if (respondedOn.isAfter(today)) {
			check.reject("respondedOn", "respondedOn must not be in the future (today is " + today + ", Beijing time).");
		}
		else if (respondedOn.isBefore(EARLIEST)) {
			check.reject("respondedOn", "respondedOn is on or after " + EARLIEST + ".");
		}
		check.throwIfInvalid();

		Client client = this.clients.require(actor.caller(), "recordSurveyResult", Objects.requireNonNull(clientId))
			.client();
		int value = Objects.requireNonNull(score);
		SurveyScale checkedScale = Objects.requireNonNull(scale);
		LocalDate day = Objects.requireNonNull(respondedOn);
		SurveyResult result = SurveyResult.answered("SV-" + UUID.randomUUID(), clientId, checkedScale, value, comments,
				Objects.requireNonNull(input.channel()), day, client.primaryManager(), actor.caller().username(), now);
		AuditEvent event = AuditEvent.by(actor, now, "recordSurveyResult")
			.change("clientId", null, clientId)
			.change("scale", null, checkedScale)
			.change("score", null, value)
			.change("comments", null, comments)
			.change("channel", null, result.channel())
			.change("respondedOn", null, day)
			.change("rmUsername", null, result.rmUsername())
			.about(ENTITY_TYPE, result.id(), 0L, clientId);
		return this.writes.insert(result, event);
	}

}
