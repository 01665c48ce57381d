package com.corpbank.portal.risk;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.corpbank.portal.BankTime;
import com.corpbank.portal.audit.Actor;
import com.corpbank.portal.audit.AuditEvent;
import com.corpbank.portal.audit.AuditedWrites;
import com.corpbank.portal.audit.WriteTarget;
import com.corpbank.portal.client.Client;
import com.corpbank.portal.client.ClientsInScope;
import com.corpbank.portal.write.InputCheck;
import com.corpbank.portal.write.UserErrorCode;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Sets a client's risk grades (RISK_OFFICER): checks the input and the overdue floor, then one audited write that
 * changes the grades and carries the audit event and the history entry.
 */
@Service
public class RiskGrading {

	static final String OPERATION = "setRiskGrade";

	/** A century of days: more is a typing error, not a loan. */
	static final int MAX_OVERDUE_DAYS = 36_500;

	private final ClientsInScope clients;

	private final AuditedWrites writes;

	private final Clock clock;

	RiskGrading(ClientsInScope clients, AuditedWrites writes, Clock clock) {
		this.clients = clients;
		this.writes = writes;
		this.clock = clock;
	}

	public Client set(Actor actor, SetRiskGradeInput input) {
		InputCheck check = InputCheck.of("input");
		String clientId = check.id("clientId", input.clientId());
		if (input.rating() == null) {
			check.reject("rating", "rating is required.");
		}
		if (input.fiveCategory() == null) {
			check.reject("fiveCategory", "fiveCategory is required.");
		}
		Integer overdueDays = check.range("overdueDays", input.overdueDays(), 0, MAX_OVERDUE_DAYS, true);
		String reason = check.reason(input.reason());
		long expectedVersion = check.expectedVersion(input.expectedVersion());
		if (input.fiveCategory() != null && overdueDays != null) {
			FiveCategory floor = FiveCategory.floorFor(overdueDays);
			if (input.fiveCategory().isBetterThan(floor)) {
				check.reject(UserErrorCode.FLOOR_VIOLATION, "fiveCategory", overdueDays + " days overdue sets a floor of "
						+ floor + ": the class must be " + floor + " or worse.");
			}
		}
		check.throwIfInvalid();

		ClientsInScope.Found found = this.clients.require(actor.caller(), OPERATION, clientId).atVersion(expectedVersion);
		Client current = found.client();
		Criteria match = found.match();
		WriteTarget target = ClientsInScope.TARGET;

		Instant now = this.clock.instant();
		RiskGrade before = current.risk();
		RiskGrade after = new RiskGrade(input.rating(), input.fiveCategory(), LocalDate.ofInstant(now, BankTime.ZONE),
				overdueDays);
		AuditEvent event = AuditEvent.by(actor, now, OPERATION)
			.reason(reason)
			.change("risk.rating", (before != null) ? before.rating() : null, after.rating())
			.change("risk.fiveCategory", (before != null) ? before.fiveCategory() : null, after.fiveCategory())
			.change("risk.overdueDays", (before != null) ? before.overdueDays() : null, after.overdueDays())
			.change("risk.ratedOn", (before != null) ? before.ratedOn() : null, after.ratedOn())
			.aboutClient(clientId, expectedVersion + 1);
		// The version leads the id so that two changes within one millisecond still page in the order they happened.
		String historyId = "%010d-%s".formatted(expectedVersion + 1, UUID.randomUUID());
		RiskHistoryEntry history = new RiskHistoryEntry(historyId, clientId, after, before, now,
				actor.caller().username(), reason, expectedVersion + 1);
		return this.writes.update(Client.class, match, expectedVersion, new Update().set("risk", after), target, event,
				history);
	}

}
