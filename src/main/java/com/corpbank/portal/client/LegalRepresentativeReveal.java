package com.corpbank.portal.client;

import java.time.Clock;
import java.util.List;

import com.corpbank.portal.audit.Actor;
import com.corpbank.portal.audit.AuditEvent;
import com.corpbank.portal.audit.AuditedWrites;
import com.corpbank.portal.write.InputCheck;
import com.corpbank.portal.write.MutationRejected;
import com.corpbank.portal.write.UserError;
import com.corpbank.portal.write.UserErrorCode;
import org.springframework.stereotype.Service;

/**
 * A team lead or branch manager sees the legal representative's ID number masked; with a purpose they may see it in
 * full, once per call, and every reveal is an audit event written before anything is shown (as for contacts).
 */
@Service
class LegalRepresentativeReveal {

	static final String OPERATION = "revealLegalRepresentative";

	/** The same cap as a contact reveal's purpose. */
	static final int MAX_PURPOSE_LENGTH = 200;

	private final ClientsInScope clients;

	private final AuditedWrites writes;

	private final Clock clock;

	LegalRepresentativeReveal(ClientsInScope clients, AuditedWrites writes, Clock clock) {
		this.clients = clients;
		this.writes = writes;
		this.clock = clock;
	}

	LegalRepresentative reveal(Actor actor, RevealLegalRepresentativeInput input) {
		InputCheck check = InputCheck.of("input");
		String clientId = check.id("clientId", input.clientId());
		String purpose = check.requiredText("purpose", input.purpose(), MAX_PURPOSE_LENGTH);
		check.throwIfInvalid();

		Client client = this.clients.require(actor.caller(), OPERATION, clientId).client();
		LegalRepresentative representative = client.legalRepresentative();
		if (representative == null) {
			throw new MutationRejected(UserError.of(UserErrorCode.VALIDATION, List.of("input", "clientId"),
					"This client has no legal representative on file: there is nothing to reveal."));
		}
		// Written first: if the trail cannot take the event, nothing is shown.
		this.writes.record(AuditEvent.by(actor, this.clock.instant(), OPERATION)
			.reason(purpose)
			.aboutClient(clientId, null));
		return representative;
	}

}
