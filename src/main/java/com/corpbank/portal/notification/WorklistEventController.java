package com.corpbank.portal.notification;

import com.corpbank.portal.security.Caller;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

/** {@code Subscription.worklistEvents}: the caller's live worklist events (see {@link WorklistEventHub}). */
@Controller
class WorklistEventController {

	private final WorklistEventHub hub;

	WorklistEventController(WorklistEventHub hub) {
		this.hub = hub;
	}

	@SubscriptionMapping
	Flux<WorklistEvent> worklistEvents(@AuthenticationPrincipal Caller caller) {
		return this.hub.subscribe(caller);
	}

}
