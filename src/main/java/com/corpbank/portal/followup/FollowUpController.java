package com.corpbank.portal.followup;

import java.time.Clock;
import java.time.LocalDate;

import com.corpbank.portal.BankTime;
import com.corpbank.portal.client.Client;
import com.corpbank.portal.client.FollowUp;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code Client.nextFollowUp}. The follow-up is a field of the client document the page already loaded, so this is no
 * lookup at all (no batch loader needed): row scope is the client's own, and a client the caller cannot see has no
 * follow-up to show them.
 */
@Controller
class FollowUpController {

	private final Clock clock;

	FollowUpController(Clock clock) {
		this.clock = clock;
	}

	@SchemaMapping(typeName = "Client")
	@Nullable NextFollowUp nextFollowUp(Client client) {
		FollowUp followUp = client.followUp();
		if (followUp == null) {
			return null;
		}
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), BankTime.ZONE);
		return new NextFollowUp(followUp.dueOn(), followUp.rmUsername(), followUp.scheduledFrom(),
				FollowUpSchedule.overdue(followUp, today));
	}

}
