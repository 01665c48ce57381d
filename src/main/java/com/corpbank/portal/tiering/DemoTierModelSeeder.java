package com.corpbank.portal.tiering;

import java.time.Clock;
import java.util.Set;

import com.corpbank.portal.audit.Actor;
import com.corpbank.portal.client.Client;
import com.corpbank.portal.security.Caller;
import com.corpbank.portal.tier.ActivateTierModelInput;
import com.corpbank.portal.tier.CreateTierModelInput;
import com.corpbank.portal.tier.TierModel;
import com.corpbank.portal.tier.TierModelValidation;
import com.corpbank.portal.tier.TierModels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * With the demo book, creates and activates the demo model ({@link DemoTierModel}) once the book is loaded, through
 * the same audited path an ADMIN uses, so the first batch run has a model to evaluate with. A store that already has
 * a model keeps its own.
 */
@Component
@ConditionalOnBooleanProperty("portal.demo-data.enabled")
class DemoTierModelSeeder {

	private static final Logger log = LoggerFactory.getLogger(DemoTierModelSeeder.class);

	static final Caller SEED = new Caller("system", "system:demo-seed", "Demo data seed", Set.of(), null);

	private final TierModels models;

	private final MongoTemplate mongoTemplate;

	private final Clock clock;

	DemoTierModelSeeder(TierModels models, MongoTemplate mongoTemplate, Clock clock) {
		this.models = models;
		this.mongoTemplate = mongoTemplate;
		this.clock = clock;
	}

	// After every ApplicationRunner, the demo data loader included: calibration needs the book.
	@EventListener(ApplicationReadyEvent.class)
	void seed() {
		if (this.mongoTemplate.exists(new Query(), TierModel.class)
				|| !this.mongoTemplate.exists(new Query(), Client.class)) {
			return;
		}
		Actor actor = new Actor(SEED, "demo-seed");
		TierModel draft = DemoTierModel.draft(SEED.username(), this.clock.instant());
		this.models.create(actor, (CreateTierModelInput) TierModelValidation.asInput(draft));
		this.models.activate(actor, new ActivateTierModelInput(DemoTierModel.VERSION, 0));
		log.info("Demo tiering model {} created and activated", DemoTierModel.VERSION);
	}

}
