package com.corpbank.portal.tier;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.corpbank.portal.BankTime;
import com.corpbank.portal.audit.Actor;
import com.corpbank.portal.audit.AuditEvent;
import com.corpbank.portal.audit.AuditedWrites;
import com.corpbank.portal.audit.RecoverySweep;
import com.corpbank.portal.audit.WriteTarget;
import com.corpbank.portal.security.Caller;
import com.corpbank.portal.write.InputCheck;
import com.corpbank.portal.write.MutationRejected;
import com.corpbank.portal.write.UserError;
import com.corpbank.portal.write.UserErrorCode;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Scoring models as versioned data (ADMIN): create and edit drafts, activate one; and {@link #active()}, the model
 * the engine and the batch job score with.
 *
 * <p><b>One active model, without transactions.</b> The singleton document {@value #POINTER_ID} in
 * {@value #POINTER_COLLECTION} names the active model; its {@code version} moves on with every change, and every
 * change is a compare-and-set on it, so of two activations that read the same pointer exactly one can claim it (the
 * other gets {@code CONFLICT}). An activation then writes, in this order:
 * <ol>
 * <li>the claim: the pointer gets {@code pending = {modelId, at, by}} (CAS on its version);</li>
 * <li>the draft: calibrated and ACTIVE, with its audit event (one audited write, expected version checked);</li>
 * <li>the models it replaces: every other ACTIVE model becomes RETIRED, each with its audit event;</li>
 * <li>the pointer: {@code modelId} = the new model, {@code pending} cleared (CAS on the claimed version).</li>
 * </ol>
 * {@link #active()} reads the pointer, so readers see the old model until step 4 and the new one after it, never
 * none and never two. A crash between the steps leaves a claim, which {@link #sweep()} (at start-up and on the audit
 * sweep's schedule) finishes from what the store shows: a claimed model that is ACTIVE already is rolled forward
 * (steps 3 and 4 again, both idempotent); one still DRAFT after {@link #STALE_CLAIM} is rolled back (the claim
 * cleared: nothing else was written). While a claim is open, other activations are {@code CONFLICT}.
 *
 * <p><b>Effective date.</b> A model is activated on or after its {@code effectiveFrom} (Beijing date): activating it
 * earlier would tier clients by it before the date it was approved for. It may be activated later (the committee
 * approves a model for the 1st, the admin switches it on the 3rd), but never takes effect before the model it
 * replaces, so the models' dates follow their activations.
 */
@Service
public class TierModels implements RecoverySweep {

	static final String CREATE = "createTierModel";

	static final String UPDATE = "updateTierModel";

	static final String ACTIVATE = "activateTierModel";

	/** The entity type audit events about a model name. */
	static final String ENTITY_TYPE = "TierModel";

	static final String POINTER_COLLECTION = "tier_model_active";

	static final String POINTER_ID = "active";

	/**
	 * How long an activation may take between its claim and its draft's write before the sweep takes the claim for
	 * the trace of a crash. Activations take milliseconds; the margin covers a slow store.
	 */
	static final Duration STALE_CLAIM = Duration.ofMinutes(5);

	/** The caller a repair by the sweep is recorded under: no user made it. */
	static final Caller SWEEP = new Caller("system", "system:tier-model-sweep", "Tier model activation sweep", Set.of(),
			null);

	private static final WriteTarget TARGET = new WriteTarget("tier model", List.of("input", "version"),
			List.of("input", "expectedVersion"));

	private static final Logger log = LoggerFactory.getLogger(TierModels.class);

	private final MongoTemplate mongoTemplate;

	private final AuditedWrites writes;

	private final ObjectProvider<BookCalibration> calibration;

	private final Clock clock;

	TierModels(MongoTemplate mongoTemplate, AuditedWrites writes, ObjectProvider<BookCalibration> calibration,
			Clock clock) {
		this.mongoTemplate = mongoTemplate;
		this.writes = writes;
		this.calibration = calibration;
		this.clock = clock;
	}

	// ---- Reading ------------------------------------------------------------------------------------------------

	/** The model that scores clients now: the one the pointer names (see the class comment); empty before any. */
	public Optional<TierModel> active() {
		Document pointer = pointer();
		String modelId = (pointer != null) ? pointer.getString("modelId") : null;
		if (modelId != null) {
			return Optional.ofNullable(this.mongoTemplate.findById(modelId, TierModel.class));
		}
		return Optional.ofNullable(unpointedActive());
	}

	/** Every model, newest first; only those with the status when given. */
	public List<TierModel> list(@Nullable TierModelStatus status) {
		Query query = (status != null) ? new Query(Criteria.where("status").is(status)) : new Query();
		return this.mongoTemplate.find(query.with(Sort.by(Sort.Direction.DESC, "createdAt", "_id")), TierModel.class);
	}

	/** The model of this version. */
	public Optional<TierModel> find(String version) {
		return Optional.ofNullable(this.mongoTemplate.findById(version, TierModel.class));
	}

	// ---- Drafts -------------------------------------------------------------------------------------------------

	/** Stores a new draft; DUPLICATE when the version exists. */
	public TierModel create(Actor actor, CreateTierModelInput input) {
		InputCheck check = InputCheck.of("input");
		String version = TierModelValidation.version(check, input.version());
		TierModelValidation.Content content = TierModelValidation.content(check, input);
		check.throwIfInvalid();

		Instant now = this.clock.instant();
		TierModel draft = new TierModel(version, content.description(), TierModelStatus.DRAFT,
				content.effectiveFrom(), content.factors(), content.thresholds(), content.clv(),
				actor.caller().username(), now, null, null, 0L);
		AuditEvent.Builder event = AuditEvent.by(actor, now, CREATE).change("status", null, TierModelStatus.DRAFT);
		changes(event, null, draft);
		try {
			return this.writes.insert(draft, event.about(ENTITY_TYPE, version, 0L));
		}
		catch (DuplicateKeyException ex) {
			throw new MutationRejected(UserError.of(UserErrorCode.DUPLICATE, List.of("input", "version"),
					"A tier model with version " + version + " exists already: choose another version."));
		}
	}

	/** Replaces a draft's content; active and retired models never change. */
	public TierModel update(Actor actor, UpdateTierModelInput input) {
		InputCheck check = InputCheck.of("input");
		String version = TierModelValidation.version(check, input.version());
		long expectedVersion = check.expectedVersion(input.expectedVersion());
		TierModelValidation.Content content = TierModelValidation.content(check, input);
		check.throwIfInvalid();

		TierModel current = require(version);
		requireDraft(current, "changes", "create a new version instead");
		Instant now = this.clock.instant();
		TierModel after = new TierModel(version, content.description(), TierModelStatus.DRAFT,
				content.effectiveFrom(), content.factors(), content.thresholds(), content.clv(), current.createdBy(),
				current.createdAt(), null, null, current.version());
		AuditEvent.Builder event = AuditEvent.by(actor, now, UPDATE);
		changes(event, current, after);
		Update update = new Update().set("description", after.description())
			.set("effectiveFrom", after.effectiveFrom())
			.set("factors", after.factors())
			.set("thresholds", after.thresholds())
			.set("clv", after.clv());
		// Matched by id and version only: every status change moves the version on, so a model activated since it
		// was read is a CONFLICT here, as any other change would be.
		return this.writes.update(TierModel.class, Criteria.where("_id").is(version), expectedVersion, update, TARGET,
				event.about(ENTITY_TYPE, version, expectedVersion + 1));
	}

	// ---- Activation ---------------------------------------------------------------------------------------------

	/** Activates a draft: checks, calibrates, makes it the one ACTIVE model and retires the model it replaces. */
	public TierModel activate(Actor actor, ActivateTierModelInput input) {
		InputCheck check = InputCheck.of("input");
		String version = TierModelValidation.version(check, input.version());
		long expectedVersion = check.expectedVersion(input.expectedVersion());
		check.throwIfInvalid();

		TierModel draft = require(version);
		requireDraft(draft, "is activated again", "create a new version from it");
		long draftVersion = (draft.version() != null) ? draft.version() : 0;
		if (draftVersion != expectedVersion) {
			throw new MutationRejected(UserError.conflict(TARGET.versionField(), draftVersion));
		}
		Instant now = this.clock.instant();
		LocalDate today = LocalDate.ofInstant(now, BankTime.ZONE);
		InputCheck model = InputCheck.of("model");
		TierModelValidation.content(model, TierModelValidation.asInput(draft));
		model.throwIfInvalid();
		if (draft.effectiveFrom().isAfter(today)) {
			throw new MutationRejected(UserError.of(UserErrorCode.VALIDATION, List.of("input", "version"),
					"Model " + version + " takes effect on " + draft.effectiveFrom()
							+ ": activate it on or after that date."));
		}
		Document pointer = pointer();
		TierModel replaced = (pointer != null && pointer.getString("modelId") != null)
				? this.mongoTemplate.findById(pointer.getString("modelId"), TierModel.class) : unpointedActive();
		if (replaced != null && draft.effectiveFrom().isBefore(replaced.effectiveFrom())) {
			throw new MutationRejected(UserError.of(UserErrorCode.VALIDATION, List.of("input", "version"),
					"Model " + version + " takes effect on " + draft.effectiveFrom() + ", before the active model "
							+ replaced.id() + " (" + replaced.effectiveFrom()
							+ "): a model never takes effect before the one it replaces."));
		}
		TierModel calibrated = calibrate(draft, today);

		long claimed = claim(pointer, replaced, version, actor, now);
		TierModel activated;
		try {
			AuditEvent.Builder event = AuditEvent.by(actor, now, ACTIVATE)
				.reason("Activated; MIN_MAX and PERCENTILE factors calibrated on the book as of " + today + ".")
				.change("status", TierModelStatus.DRAFT, TierModelStatus.ACTIVE)
				.change("activatedBy", null, actor.caller().username());
			changes(event, draft, calibrated);
			Update update = new Update().set("status", TierModelStatus.ACTIVE)
				.set("factors", calibrated.factors())
				.set("activatedBy", actor.caller().username())
				.set("activatedAt", now);
			activated = this.writes.update(TierModel.class, Criteria.where("_id").is(version), expectedVersion, update,
					TARGET, event.about(ENTITY_TYPE, version, expectedVersion + 1));
		}
		catch (MutationRejected rejected) {
			// The draft changed since it was read: nothing was written but the claim, which is given back.
			release(claimed, version);
			throw rejected;
		}
		retireAllBut(version, actor, now);
		complete(claimed, version, now);
		return activated;
	}

	/** Finishes or undoes an activation a crash interrupted (see the class comment); returns how many. */
	@Override
	public int sweep() {
		Document pointer = pointer();
		if (pointer == null) {
			return 0;
		}
		Document pending = pointer.get("pending", Document.class);
		if (pending == null) {
			return 0;
		}
		String modelId = pending.getString("modelId");
		long claimed = AuditedWrites.versionOf(pointer);
		TierModel model = this.mongoTemplate.findById(modelId, TierModel.class);
		Instant now = this.clock.instant();
		if (model != null && model.status() == TierModelStatus.ACTIVE) {
			retireAllBut(modelId, new Actor(SWEEP, "sweep-" + UUID.randomUUID()), now);
			complete(claimed, modelId, now);
			log.warn("Activation of tier model {} finished by the sweep", modelId);
			return 1;
		}
		Date at = pending.getDate("at");
		if (at == null || at.toInstant().plus(STALE_CLAIM).isBefore(now)) {
			release(claimed, modelId);
			log.warn("Interrupted activation of tier model {} undone by the sweep (the model stays a draft)", modelId);
			return 1;
		}
		return 0;
	}

	@Override
	public String finishes() {
		return "tier model activations";
	}

	// ---- Steps --------------------------------------------------------------------------------------------------

	/** Step 1: the claim, a compare-and-set on the pointer's version (an insert when there is no pointer yet). */
	private long claim(@Nullable Document pointer, @Nullable TierModel replaced, String modelId, Actor actor,
			Instant now) {
		Document pending = new Document("modelId", modelId).append("at", Date.from(now))
			.append("by", actor.caller().username());
		if (pointer == null) {
			Document first = new Document("_id", POINTER_ID).append("modelId", (replaced != null) ? replaced.id() : null)
				.append("version", 1L)
				.append("pending", pending);
			try {
				this.mongoTemplate.insert(first, POINTER_COLLECTION);
				return 1L;
			}
			catch (DuplicateKeyException ex) {
				throw busy(modelId);
			}
		}
		long version = AuditedWrites.versionOf(pointer);
		if (pointer.get("pending") != null) {
			throw busy(modelId);
		}
		Query match = new Query(Criteria.where("_id").is(POINTER_ID).and("version").is(version).and("pending").is(null));
		long modified = this.mongoTemplate
			.updateFirst(match, new Update().set("pending", pending).set("version", version + 1), POINTER_COLLECTION)
			.getModifiedCount();
		if (modified == 0) {
			throw busy(modelId);
		}
		return version + 1;
	}

	/** Step 3: every ACTIVE model but this one becomes RETIRED; a model retired meanwhile is left as it is. */
	private void retireAllBut(String modelId, Actor actor, Instant now) {
		Query others = new Query(Criteria.where("status").is(TierModelStatus.ACTIVE).and("_id").ne(modelId));
		for (TierModel other : this.mongoTemplate.find(others, TierModel.class)) {
			long version = (other.version() != null) ? other.version() : 0;
			AuditEvent event = AuditEvent.by(actor, now, ACTIVATE)
				.reason("Retired: model " + modelId + " was activated in its place.")
				.change("status", TierModelStatus.ACTIVE, TierModelStatus.RETIRED)
				.about(ENTITY_TYPE, other.id(), version + 1);
			try {
				this.writes.update(TierModel.class,
						Criteria.where("_id").is(other.id()).and("status").is(TierModelStatus.ACTIVE), version,
						new Update().set("status", TierModelStatus.RETIRED), TARGET, event);
			}
			catch (MutationRejected ex) {
				// Retired by the sweep or another finisher of the same activation: nothing left to do.
			}
		}
	}

	/** Step 4: the pointer names the new model; a no-op when the sweep finished it first. */
	private void complete(long claimed, String modelId, Instant now) {
		this.mongoTemplate.updateFirst(
				new Query(Criteria.where("_id").is(POINTER_ID).and("version").is(claimed).and("pending.modelId")
					.is(modelId)),
				new Update().set("modelId", modelId).set("since", Date.from(now)).unset("pending").inc("version", 1),
				POINTER_COLLECTION);
	}

	/** Gives a claim back: the activation wrote nothing else. */
	private void release(long claimed, String modelId) {
		this.mongoTemplate.updateFirst(
				new Query(Criteria.where("_id").is(POINTER_ID).and("version").is(claimed).and("pending.modelId")
					.is(modelId)),
				new Update().unset("pending").inc("version", 1), POINTER_COLLECTION);
	}

	/**
	 * The draft with the book's bounds for its MIN_MAX and PERCENTILE factors. Only those bounds are taken from the
	 * calibration: whatever else it returned, the checked content stays as it was.
	 */
	private TierModel calibrate(TierModel draft, LocalDate asOf) {
		boolean needsBook = draft.factors().stream()
			.anyMatch(factor -> factor.normalisation().method() == NormalisationMethod.MIN_MAX
					|| factor.normalisation().method() == NormalisationMethod.PERCENTILE);
		if (!needsBook) {
			return draft;
		}
		BookCalibration book = this.calibration.getIfAvailable();
		if (book == null) {
			throw new MutationRejected(UserError.of(UserErrorCode.VALIDATION, List.of("input", "version"),
					"No book calibration is available here: models with MIN_MAX or PERCENTILE factors cannot be "
							+ "activated; use BANDS."));
		}
		TierModel fromBook = book.calibrate(draft, asOf);
		Map<String, Normalisation> bounds = new HashMap<>();
		for (ScoringFactor factor : fromBook.factors()) {
			bounds.put(factor.key(), factor.normalisation());
		}
		List<ScoringFactor> factors = new ArrayList<>();
		for (ScoringFactor factor : draft.factors()) {
			Normalisation n = factor.normalisation();
			Normalisation taken = bounds.get(factor.key());
			Normalisation calibrated = switch (n.method()) {
				case MIN_MAX -> new Normalisation(n.method(), n.bands(), (taken != null) ? taken.min() : null,
						(taken != null) ? taken.max() : null, List.of(), n.categories(), n.higherIsBetter(),
						n.missingPoints());
				case PERCENTILE -> new Normalisation(n.method(), n.bands(), null, null,
						(taken != null) ? taken.cutPoints() : List.of(), n.categories(), n.higherIsBetter(),
						n.missingPoints());
				default -> n;
			};
			factors.add(new ScoringFactor(factor.key(), factor.input(), calibrated, factor.weight(),
					factor.description()));
		}
		TierModel calibrated = new TierModel(draft.id(), draft.description(), draft.status(), draft.effectiveFrom(),
				factors, draft.thresholds(), draft.clv(), draft.createdBy(), draft.createdAt(), draft.activatedBy(),
				draft.activatedAt(), draft.version());
		InputCheck check = InputCheck.of("model");
		TierModelValidation.calibration(check, calibrated);
		check.throwIfInvalid();
		return calibrated;
	}

	// ---- Helpers ------------------------------------------------------------------------------------------------

	private @Nullable Document pointer() {
		return this.mongoTemplate.findById(POINTER_ID, Document.class, POINTER_COLLECTION);
	}

	/**
	 * The active model before any activation wrote the pointer (a model stored ACTIVE directly, e.g. by a seed): the
	 * latest activated; the first activation retires it and every other.
	 */
	private @Nullable TierModel unpointedActive() {
		return this.mongoTemplate.findOne(new Query(Criteria.where("status").is(TierModelStatus.ACTIVE))
			.with(Sort.by(Sort.Direction.DESC, "activatedAt", "_id"))
			.limit(1), TierModel.class);
	}

	private TierModel require(String version) {
		TierModel model = this.mongoTemplate.findById(version, TierModel.class);
		if (model == null) {
			throw new MutationRejected(UserError.of(UserErrorCode.NOT_FOUND, TARGET.idField(),
					"No tier model has version " + version + "."));
		}
		return model;
	}

	private static void requireDraft(TierModel model, String what, String instead) {
		if (model.status() != TierModelStatus.DRAFT) {
			throw new MutationRejected(UserError.of(UserErrorCode.VALIDATION, TARGET.idField(),
					"Model " + model.id() + " is " + model.status() + ": only a draft " + what
							+ "; active and retired models never change. " + capitalised(instead) + "."));
		}
	}

	private static String capitalised(String text) {
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	private static MutationRejected busy(String modelId) {
		return new MutationRejected(UserError.of(UserErrorCode.CONFLICT, List.of("input", "version"),
				"Another model is being activated at this moment, or was just activated: read activeTierModel, then "
						+ "retry activating " + modelId + " if it is still wanted."));
	}

	/** The audit trail's before/after of each content field; a factor is recorded as one line of text. */
	private static void changes(AuditEvent.Builder event, @Nullable TierModel before, TierModel after) {
		event.change("description", (before != null) ? before.description() : null, after.description())
			.change("effectiveFrom", (before != null) ? before.effectiveFrom() : null, after.effectiveFrom())
			.change("thresholds.aFrom", (before != null) ? before.thresholds().aFrom() : null,
					after.thresholds().aFrom())
			.change("thresholds.bFrom", (before != null) ? before.thresholds().bFrom() : null,
					after.thresholds().bFrom())
			.change("clv.horizonYears", (before != null) ? before.clv().horizonYears() : null,
					after.clv().horizonYears())
			.change("clv.retentionRate", (before != null) ? before.clv().retentionRate() : null,
					after.clv().retentionRate())
			.change("clv.discountRate", (before != null) ? before.clv().discountRate() : null,
					after.clv().discountRate())
			.change("clv.depositMargin", (before != null) ? before.clv().depositMargin() : null,
					after.clv().depositMargin())
			.change("clv.loanMargin", (before != null) ? before.clv().loanMargin() : null, after.clv().loanMargin());
		Map<String, String> old = new HashMap<>();
		if (before != null) {
			before.factors().forEach(factor -> old.put(factor.key(), describe(factor)));
		}
		for (ScoringFactor factor : after.factors()) {
			event.change("factors." + factor.key(), old.remove(factor.key()), describe(factor));
		}
		old.forEach((key, text) -> event.change("factors." + key, text, null));
	}

	/** One factor as a line of text, e.g. {@code REVENUE BANDS weight 0.2 bands [0:0, 1000000:40] missing 0}. */
	static String describe(ScoringFactor factor) {
		Normalisation n = factor.normalisation();
		StringBuilder text = new StringBuilder().append(factor.input())
			.append(' ')
			.append(n.method())
			.append(" weight ")
			.append(plain(factor.weight()));
		switch (n.method()) {
			case BANDS -> text.append(" bands ")
				.append(n.bands().stream().map(band -> plain(band.from()) + ":" + plain(band.points()))
					.collect(Collectors.joining(", ", "[", "]")));
			case CATEGORY_POINTS -> text.append(" categories ")
				.append(n.categories().stream().map(category -> category.category() + ":" + plain(category.points()))
					.collect(Collectors.joining(", ", "[", "]")));
			case MIN_MAX -> text.append(n.higherIsBetter() ? " higher is better" : " lower is better")
				.append((n.min() != null) ? " min " + plain(n.min()) + " max " + plain(n.max()) : "");
			case PERCENTILE -> text.append(n.higherIsBetter() ? " higher is better" : " lower is better")
				.append(n.cutPoints().isEmpty() ? ""
						: " " + n.cutPoints().size() + " cut points " + plain(n.cutPoints().get(0)) + ".."
								+ plain(n.cutPoints().get(n.cutPoints().size() - 1)));
		}
		return text.append(" missing ").append(plain(n.missingPoints())).toString();
	}

	private static String plain(@Nullable BigDecimal value) {
		return (value != null) ? value.stripTrailingZeros().toPlainString() : "none";
	}

}
