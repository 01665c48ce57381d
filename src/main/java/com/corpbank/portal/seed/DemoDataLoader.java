package com.corpbank.portal.seed;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import com.corpbank.portal.client.Client;
import com.corpbank.portal.client.EnterpriseSizeClassifier;
import com.corpbank.portal.contact.Contact;
import com.corpbank.portal.feedback.Complaint;
import com.corpbank.portal.feedback.FeedbackProperties;
import com.corpbank.portal.feedback.SurveyResult;
import com.corpbank.portal.financials.FinancialStatement;
import com.corpbank.portal.followup.FollowUpSchedule;
import com.corpbank.portal.industry.IndustryCatalog;
import com.corpbank.portal.interaction.Interaction;
import com.corpbank.portal.manager.RelationshipManager;
import com.corpbank.portal.metrics.RelationshipMetrics;
import com.corpbank.portal.org.OrgUnit;
import com.corpbank.portal.tax.TaxRecord;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo book ({@link DemoDataGenerator}) at start-up when {@code portal.demo-data.enabled} is true and
 * the store has no clients yet. A store with clients gets no demo data, whatever else it holds.
 *
 * <p>It also binds demo RMs that are not yet bound to a Keycloak user ({@link #bindUnboundDemoManagers()}), in a
 * store with clients too: the one change it makes there.
 *
 * <p>Clients come with their four annual statements, 24 months of relationship figures and three tax years, their
 * contacts, a year of interactions and their open follow-up (scheduled by the service's {@link FollowUpSchedule}),
 * satisfaction surveys and complaints (due by the service's complaint SLAs).
 * Like every seeded collection, contacts, interactions, surveys and complaints are inserted as they are, with no audit
 * event (nor live notification for a complaint's assignee): the seed
 * is the book's starting state, not a change anyone made (seeded interactions carry no {@code followUpApplied} marker:
 * the client's follow-up is already the one they leave).
 *
 * <p>Plain batch inserts, no transaction (the embedded store has none). A run that stopped half-way is finished
 * by the next one: documents whose ids already exist are skipped, collection by collection, so org units and
 * managers loaded by an earlier run (or by hand) stay as they are.
 */
@Component
@ConditionalOnBooleanProperty("portal.demo-data.enabled")
public class DemoDataLoader implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

	/** What one load inserted, per collection. */
	public record Inserted(int orgUnits, int managers, int clients, int statements, int metrics, int taxRecords,
			int contacts, int interactions, int surveys, int complaints) {
	}

	private final MongoTemplate mongoTemplate;

	private final DemoDataGenerator generator;

	/** The demo book with follow-ups by the demo's cadence ({@link DemoDataGenerator#DEMO_CADENCE}), for tests. */
	public DemoDataLoader(MongoTemplate mongoTemplate, IndustryCatalog catalog, EnterpriseSizeClassifier classifier) {
		this.mongoTemplate = mongoTemplate;
		this.generator = new DemoDataGenerator(catalog, classifier);
	}

	/** The demo book with follow-ups by the configured cadence, complaints by the default SLAs, for tests. */
	public DemoDataLoader(MongoTemplate mongoTemplate, IndustryCatalog catalog, EnterpriseSizeClassifier classifier,
			FollowUpSchedule followUps) {
		this.mongoTemplate = mongoTemplate;
		this.generator = new DemoDataGenerator(catalog, classifier, followUps);
	}

	/**
	 * The demo book with follow-ups by the configured cadence ({@code portal.churn.visit-cadence}) and complaints due
	 * by the configured SLAs ({@code portal.feedback.sla}).
	 */
	@Autowired
	public DemoDataLoader(MongoTemplate mongoTemplate, IndustryCatalog catalog, EnterpriseSizeClassifier classifier,
			FollowUpSchedule followUps, FeedbackProperties feedback) {
		this.mongoTemplate = mongoTemplate;
		this.generator = new DemoDataGenerator(catalog, classifier, followUps,
				Objects.requireNonNull(feedback.sla()));
	}

	@Override
	public void run(ApplicationArguments args) {
		load();
		bindUnboundDemoManagers();
	}

	/** @return what was inserted, or empty when the store already had clients */
	public Optional<Inserted> load() {
		if (this.mongoTemplate.exists(new Query(), Client.class)) {
			log.info("Demo data not loaded: the store already has clients");
			return Optional.empty();
		}
		DemoData data = this.generator.generate();
		// Parents first: a reader never sees a client whose RM or org unit is missing.
		Inserted inserted = new Inserted(insertMissing(data.orgUnits(), OrgUnit.class, OrgUnit::code),
				insertMissing(data.managers(), RelationshipManager.class, RelationshipManager::username),
				insertMissing(data.clients(), Client.class, Client::id),
				insertMissing(data.statements(), FinancialStatement.class, FinancialStatement::id),
				insertMissing(data.metrics(), RelationshipMetrics.class, RelationshipMetrics::id),
				insertMissing(data.taxRecords(), TaxRecord.class, TaxRecord::id),
				insertMissing(data.contacts(), Contact.class, Contact::id),
				insertMissing(data.interactions(), Interaction.class, Interaction::id),
				insertMissing(data.surveys(), SurveyResult.class, SurveyResult::id),
				insertMissing(data.complaints(), Complaint.class, Complaint::id));
		log.info("Demo data loaded: {} org units, {} managers, {} clients, {} financial statements, {} months of "
				+ "relationship figures, {} tax records, {} contacts, {} interactions, {} survey results, {} complaints",
				inserted.orgUnits(), inserted.managers(), inserted.clients(), inserted.statements(), inserted.metrics(),
				inserted.taxRecords(), inserted.contacts(), inserted.interactions(), inserted.surveys(),
				inserted.complaints());
		return Optional.of(inserted);
	}

	/**
	 * Binds each RM of the demo directory whose record has no Keycloak user id yet to the directory's id, so that a
	 * store seeded before RMs were bound ({@code .local/data} of an earlier version) serves its RMs again. Never
	 * overwrites a binding, and skips an id another record already holds.
	 *
	 * @return how many records were bound
	 */
	public int bindUnboundDemoManagers() {
		int bound = 0;
		for (RelationshipManager manager : DemoDirectory.get().managers()) {
			String keycloakUserId = manager.keycloakUserId();
			if (keycloakUserId == null || this.mongoTemplate
				.exists(new Query(Criteria.where("keycloakUserId").is(keycloakUserId)), RelationshipManager.class)) {
				continue;
			}
			Query unbound = new Query(
					Criteria.where("_id").is(manager.username()).and("keycloakUserId").is(null));
			bound += (int) this.mongoTemplate
				.updateFirst(unbound, Update.update("keycloakUserId", keycloakUserId), RelationshipManager.class)
				.getModifiedCount();
		}
		if (bound > 0) {
			log.info("Bound {} demo relationship managers to their Keycloak user ids", bound);
		}
		return bound;
	}

	private <T> int insertMissing(List<T> documents, Class<T> type, Function<T, String> idOf) {
		List<String> ids = documents.stream().map(idOf).toList();
		Query existingIds = new Query(Criteria.where("_id").in(ids));
		existingIds.fields().include("_id");
		Set<Object> existing = new HashSet<>();
		for (Document document : this.mongoTemplate.find(existingIds, Document.class,
				this.mongoTemplate.getCollectionName(type))) {
			existing.add(document.get("_id"));
		}
		List<T> missing = documents.stream().filter(document -> !existing.contains(idOf.apply(document))).toList();
		if (!missing.isEmpty()) {
			this.mongoTemplate.insert(missing, type);
		}
		return missing.size();
	}

}
