package com.corpbank.portal.portfolio;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Once the service is ready (after the demo seed, which runs before), derives the figure copy of every client that
 * has none ({@link ClientFigureCopies#refreshMissing()}): a store seeded or imported before the copy existed, or by a
 * tool that writes the sources only. Idempotent; several instances starting together
 * write the same copies. Off with {@code portal.portfolio.backfill-on-start=false} (default on).
 */
@Component
@ConditionalOnBooleanProperty(name = "portal.portfolio.backfill-on-start", matchIfMissing = true)
class FigureCopyBackfill {

	private static final Logger log = LoggerFactory.getLogger(FigureCopyBackfill.class);

	private final ClientFigureCopies copies;

	FigureCopyBackfill(ClientFigureCopies copies) {
		this.copies = copies;
	}

	@EventListener(ApplicationReadyEvent.class)
	void backfill() {
		int refreshed = this.copies.refreshMissing();
		if (refreshed > 0) {
			log.info("Portfolio figure copies derived for {} clients that had none", refreshed);
		}
	}

}
