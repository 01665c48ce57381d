package com.corpbank.portal.tier;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import com.corpbank.portal.audit.Actor;
import com.corpbank.portal.audit.AuditEvent;
import com.corpbank.portal.audit.AuditedWrites;
import com.corpbank.portal.security.Caller;
import com.corpbank.portal.security.Role;
import com.corpbank.portal.support.ClientBookFixture;
import com.corpbank.portal.support.PortalTest;
import com.corpbank.portal.write.MutationRejected;
import com.corpbank.portal.write.UserError;
import com.corpbank.portal.write.UserErrorCode;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Activation against the store, with a test stand-in for the lead's {@link BookCalibration} and a fixed clock
 * (2026-11-20, Beijing): the book's bounds reach MIN_MAX and PERCENTILE factors and nothing else, a book without
 * values of an input is refused, concurrent activations leave exactly one ACTIVE model, and the sweep finishes or
 * undoes an activation that a crash interrupted between its writes.
 */
@PortalTest
class TierModelActivationTests {

	static final Instant NOW = Instant.parse("2026-11-20T02:00:00Z");

	static final Actor ADMIN = new Actor(new Caller("sub-admin", "admin", "Admin", Set.of(Role.ADMIN), null), "req-1");

	@Autowired
	MongoTemplate mongoTemplate;

	@Autowired
	AuditedWrites writes;

	/** What the stand-in calibration does, per test. */
	final AtomicReference<BookCalibration> book = new AtomicReference<>(TierModelActivationTests::spreadBook);

	final List<LocalDate> calibratedAsOf = new ArrayList<>();

	TierModels models;

	ExecutorService threads;

	@BeforeEach
	void setUp() {
		new ClientBookFixture(this.mongoTemplate).load();
		BookCalibration standIn = (draft, asOf) -> {
			synchronized (this.calibratedAsOf) {
				this.calibratedAsOf.add(asOf);
			}
			return this.book.get().calibrate(draft, asOf);
		};
		this.models = new TierModels(this.mongoTemplate, this.writes,
				new StaticListableBeanFactory(Map.of("bookCalibration", standIn)).getBeanProvider(BookCalibration.class),
				Clock.fixed(NOW, ZoneOffset.UTC));
		this.threads = Executors.newFixedThreadPool(2);
	}

	@AfterEach
	void stopThreads() {
		this.threads.shutdownNow();
	}

	/** A book whose revenues run from 1 million to 2 billion yuan. */
	static TierModel spreadBook(TierModel draft, LocalDate asOf) {
		List<BigDecimal> cutPoints = IntStream.rangeClosed(0, 100)
			.mapToObj(i -> BigDecimal.valueOf(1_000_000L + i * 19_990_000L))
			.toList();
		return withFactors(draft, draft.factors().stream().map(factor -> {
			Normalisation n = factor.normalisation();
			Normalisation calibrated = switch (n.method()) {
				case MIN_MAX -> new Normalisation(n.method(), n.bands(), new BigDecimal("1000000"),
						new BigDecimal("2000000000"), List.of(), n.categories(), n.higherIsBetter(), n.missingPoints());
				case PERCENTILE -> new Normalisation(n.method(), n.bands(), null, null, cutPoints, n.categories(),
						n.higherIsBetter(), n.missingPoints());
				default -> n;
			};
			return new ScoringFactor(factor.key(), factor.input(), calibrated, factor.weight(), factor.description());
		}).toList());
	}

	static TierModel withFactors(TierModel model, List<ScoringFactor> factors) {
		return new TierModel(model.id(), model.description(), model.status(), model.effectiveFrom(), factors,
				model.thresholds(), model.clv(), model.createdBy(), model.createdAt(), model.activatedBy(),
				model.activatedAt(), model.version());
	}

	/** Revenue by MIN_MAX (50%) and total assets by PERCENTILE (50%): both need the book. */
	static CreateTierModelInput bookModel(String version) {
		return new CreateTierModelInput(version, "calibrated", LocalDate.of(2026, 11, 1),
				List.of(new ScoringFactorInput("revenue_scale", "REVENUE", "MIN_MAX", null, null, null, null,
						new BigDecimal("0.5"), null),
						new ScoringFactorInput("asset_rank", "TOTAL_ASSETS", "PERCENTILE", null, null, false, null,
								new BigDecimal("0.5"), null)),
				new TierThresholdsInput(new BigDecimal("80"), new BigDecimal("60")),
				new ClvParametersInput(5, new BigDecimal("0.9"), new BigDecimal("0.08"), new BigDecimal("0.015"),
						new BigDecimal("0.02")));
	}

	TierModel activate(String version) {
		TierModel model = this.models.find(version).orElseThrow();
		return this.models.activate(ADMIN, new ActivateTierModelInput(version, Math.toIntExact(model.version())));
	}

	Document pointer() {
		return this.mongoTemplate.findById(TierModels.POINTER_ID, Document.class, TierModels.POINTER_COLLECTION);
	}

	List<String> activeIds() {
		return this.mongoTemplate.find(new Query(Criteria.where("status").is(TierModelStatus.ACTIVE)), TierModel.class)
			.stream()
			.map(TierModel::id)
			.toList();
	}

	// ---- Calibration ------------------------------------------------------------------------------------------

	@Test
	void activationStoresTheBooksBoundsAsOfTheActivationDate() {
		this.models.create(ADMIN, bookModel("2026.11"));
		TierModel active = activate("2026.11");

		assertThat(this.calibratedAsOf).containsExactly(LocalDate.of(2026, 11, 20));
		Normalisation revenue = active.factors().get(0).normalisation();
		assertThat(revenue.min()).isEqualByComparingTo("1000000");
		assertThat(revenue.max()).isEqualByComparingTo("2000000000");
		Normalisation assets = active.factors().get(1).normalisation();
		assertThat(assets.cutPoints()).hasSize(101);
		assertThat(assets.higherIsBetter()).isFalse();
		assertThat(this.models.active()).get().satisfies(model -> {
			assertThat(model.status()).isEqualTo(TierModelStatus.ACTIVE);
			assertThat(model.factors().get(1).normalisation().cutPoints()).hasSize(101);
			assertThat(model.activatedAt()).isEqualTo(NOW);
		});
		AuditEvent event = this.mongoTemplate.findOne(new Query(Criteria.where("operation").is("activateTierModel")),
				AuditEvent.class);
		assertThat(event.changes()).extracting("field").contains("status", "factors.revenue_scale", "factors.asset_rank");
		assertThat(event.changes()).filteredOn(change -> change.field().equals("factors.revenue_scale"))
			.singleElement()
			.satisfies(change -> assertThat(change.after()).contains("min 1000000 max 2000000000"));
	}

	@Test
	void calibrationChangesOnlyTheBooksBoundsNeverWeightsOrKeys() {
		this.book.set((draft, asOf) -> {
			TierModel spread = spreadBook(draft, asOf);
			return withFactors(spread, spread.factors().stream()
				.map(f -> new ScoringFactor(f.key(), f.input(), f.normalisation(), new BigDecimal("0.9"), "changed"))
				.toList());
		});
		this.models.create(ADMIN, bookModel("2026.11"));
		TierModel active = activate("2026.11");
		assertThat(active.factors()).extracting(ScoringFactor::weight).containsExactly(new BigDecimal("0.5"),
				new BigDecimal("0.5"));
		assertThat(active.factors()).extracting(ScoringFactor::description).containsOnlyNulls();
		assertThat(active.factors().get(0).normalisation().max()).isEqualByComparingTo("2000000000");
	}

	@Test
	void bookWithoutValuesOfAnInputIsAValidationErrorAndChangesNothing() {
		// A calibration that found nothing: no bounds, no cut points.
		this.book.set((draft, asOf) -> draft);
		this.models.create(ADMIN, bookModel("2026.11"));
		long events = this.mongoTemplate.count(new Query(), "audit_events");

		assertThatExceptionOfType(MutationRejected.class).isThrownBy(() -> activate("2026.11"))
			.satisfies(rejected -> assertThat(rejected.errors()).extracting(UserError::field)
				.containsExactly(List.of("model", "factors", "0", "method"), List.of("model", "factors", "1", "method")));
		assertThat(this.models.find("2026.11")).get().extracting(TierModel::status, TierModel::version)
			.containsExactly(TierModelStatus.DRAFT, 0L);
		assertThat(pointer()).isNull();
		assertThat(this.mongoTemplate.count(new Query(), "audit_events")).isEqualTo(events);
	}

	// ---- One active model -------------------------------------------------------------------------------------

	@Test
	void twoConcurrentFirstActivationsLeaveExactlyOneActive() throws Exception {
		concurrentActivationsLeaveExactlyOneActive(null);
	}

	@Test
	void twoConcurrentActivationsReplacingAModelLeaveExactlyOneActive() throws Exception {
		this.models.create(ADMIN, bookModel("2026.01"));
		activate("2026.01");
		concurrentActivationsLeaveExactlyOneActive("2026.01");
		assertThat(this.models.find("2026.01")).get().extracting(TierModel::status).isEqualTo(TierModelStatus.RETIRED);
	}

	/**
	 * Both activations read the pointer, then meet at a barrier inside the calibration, which comes before the
	 * claim: so both claim the same pointer version and the store lets exactly one through.
	 */
	private void concurrentActivationsLeaveExactlyOneActive(String replaced) throws Exception {
		this.models.create(ADMIN, bookModel("2026.11a"));
		this.models.create(ADMIN, bookModel("2026.11b"));
		CyclicBarrier bothRead = new CyclicBarrier(2);
		this.book.set((draft, asOf) -> {
			try {
				bothRead.await(30, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
			return spreadBook(draft, asOf);
		});
		List<CompletableFuture<List<UserError>>> calls = List.of("2026.11a", "2026.11b").stream()
			.map(version -> CompletableFuture.supplyAsync(() -> {
				try {
					this.models.activate(ADMIN, new ActivateTierModelInput(version, 0));
					return List.<UserError>of();
				}
				catch (MutationRejected rejected) {
					return rejected.errors();
				}
			}, this.threads))
			.toList();
		List<List<UserError>> outcomes = new ArrayList<>();
		for (CompletableFuture<List<UserError>> call : calls) {
			outcomes.add(call.get(60, TimeUnit.SECONDS));
		}

		assertThat(outcomes).filteredOn(List::isEmpty).as("successes").hasSize(1);
		assertThat(outcomes).filteredOn(errors -> !errors.isEmpty()).singleElement()
			.satisfies(errors -> assertThat(errors).extracting(UserError::code).containsExactly(UserErrorCode.CONFLICT));
		String winner = (outcomes.get(0).isEmpty()) ? "2026.11a" : "2026.11b";
		String loser = winner.equals("2026.11a") ? "2026.11b" : "2026.11a";
		assertThat(activeIds()).containsExactly(winner);
		assertThat(pointer().getString("modelId")).isEqualTo(winner);
		assertThat(pointer().get("pending")).isNull();
		assertThat(this.models.active()).get().extracting(TierModel::id).isEqualTo(winner);
		assertThat(this.models.find(loser)).get().extracting(TierModel::status, TierModel::version)
			.containsExactly(TierModelStatus.DRAFT, 0L);
		if (replaced == null) {
			assertThat(this.mongoTemplate.count(new Query(Criteria.where("status").is("RETIRED")), "tier_models"))
				.isZero();
		}
		// The loser retries and wins in turn: the winner is then retired.
		this.book.set(TierModelActivationTests::spreadBook);
		this.models.activate(ADMIN, new ActivateTierModelInput(loser, 0));
		assertThat(activeIds()).containsExactly(loser);
		assertThat(this.models.find(winner)).get().extracting(TierModel::status).isEqualTo(TierModelStatus.RETIRED);
	}

	@Test
	void modelStoredActiveWithoutAPointerIsActiveUntilTheFirstActivationRetiresIt() {
		// As a seed might store its model: ACTIVE, no pointer.
		this.models.create(ADMIN, bookModel("seed"));
		this.mongoTemplate.updateFirst(new Query(Criteria.where("_id").is("seed")),
				new Update().set("status", TierModelStatus.ACTIVE).set("activatedAt", NOW), TierModel.class);
		assertThat(this.models.active()).get().extracting(TierModel::id).isEqualTo("seed");

		this.models.create(ADMIN, bookModel("2026.11"));
		activate("2026.11");
		assertThat(activeIds()).containsExactly("2026.11");
		assertThat(this.models.find("seed")).get().extracting(TierModel::status).isEqualTo(TierModelStatus.RETIRED);
	}

	// ---- Crash recovery ---------------------------------------------------------------------------------------

	@Test
	void activationInterruptedAfterTheDraftWriteIsFinishedByTheSweep() {
		this.models.create(ADMIN, bookModel("2026.01"));
		activate("2026.01");
		this.models.create(ADMIN, bookModel("2026.11"));
		// The state a crash after step 2 leaves: the claim, the new model ACTIVE, the old one not yet retired.
		long claimed = claim("2026.11", NOW);
		this.mongoTemplate.updateFirst(new Query(Criteria.where("_id").is("2026.11")),
				new Update().set("status", TierModelStatus.ACTIVE).set("activatedAt", NOW).inc("version", 1),
				TierModel.class);
		assertThat(this.models.active()).as("readers keep the old model meanwhile").get().extracting(TierModel::id)
			.isEqualTo("2026.01");

		assertThat(this.models.sweep()).isEqualTo(1);
		assertThat(activeIds()).containsExactly("2026.11");
		assertThat(pointer().getString("modelId")).isEqualTo("2026.11");
		assertThat(pointer().get("pending")).isNull();
		assertThat(AuditedWrites.versionOf(pointer())).isEqualTo(claimed + 1);
		AuditEvent retirement = this.mongoTemplate.findOne(
				new Query(Criteria.where("entityId").is("2026.01").and("changes.after").is("RETIRED")), AuditEvent.class);
		assertThat(retirement.actor()).isEqualTo(TierModels.SWEEP.username());
		assertThat(this.models.sweep()).as("nothing left to finish").isZero();
	}

	@Test
	void staleClaimOnADraftIsUndoneBySweepAndTheDraftCanBeActivated() {
		this.models.create(ADMIN, bookModel("2026.11"));
		// The state a crash after step 1 leaves, long enough ago.
		claim("2026.11", NOW.minus(TierModels.STALE_CLAIM).minusSeconds(1));
		long events = this.mongoTemplate.count(new Query(), "audit_events");

		assertThat(this.models.sweep()).isEqualTo(1);
		assertThat(pointer().get("pending")).isNull();
		assertThat(pointer().getString("modelId")).isNull();
		assertThat(this.models.find("2026.11")).get().extracting(TierModel::status).isEqualTo(TierModelStatus.DRAFT);
		assertThat(this.mongoTemplate.count(new Query(), "audit_events")).as("an undone claim has no event")
			.isEqualTo(events);
		activate("2026.11");
		assertThat(activeIds()).containsExactly("2026.11");
	}

	@Test
	void freshClaimIsLeftToItsActivationAndOtherActivationsAreConflicts() {
		this.models.create(ADMIN, bookModel("2026.11a"));
		this.models.create(ADMIN, bookModel("2026.11b"));
		claim("2026.11a", NOW.minus(Duration.ofSeconds(5)));

		assertThat(this.models.sweep()).isZero();
		assertThatExceptionOfType(MutationRejected.class).isThrownBy(() -> activate("2026.11b"))
			.satisfies(rejected -> assertThat(rejected.errors()).extracting(UserError::code)
				.containsExactly(UserErrorCode.CONFLICT));
		assertThat(activeIds()).isEmpty();
	}

	@Test
	void draftChangedDuringItsActivationIsAConflictAndTheClaimIsGivenBack() {
		this.models.create(ADMIN, bookModel("2026.11"));
		this.book.set((draft, asOf) -> {
			// Someone edits the draft while it is being calibrated.
			this.mongoTemplate.updateFirst(new Query(Criteria.where("_id").is("2026.11")), new Update().inc("version", 1),
					TierModel.class);
			return spreadBook(draft, asOf);
		});
		assertThatExceptionOfType(MutationRejected.class)
			.isThrownBy(() -> this.models.activate(ADMIN, new ActivateTierModelInput("2026.11", 0)))
			.satisfies(rejected -> assertThat(rejected.errors()).extracting(UserError::code)
				.containsExactly(UserErrorCode.CONFLICT));
		assertThat(pointer().get("pending")).as("claim given back").isNull();
		assertThat(activeIds()).isEmpty();
	}

	/** Writes the claim of step 1 as an activation that stopped right after it would have. */
	private long claim(String modelId, Instant at) {
		Document pointer = pointer();
		long version = (pointer != null) ? AuditedWrites.versionOf(pointer) + 1 : 1;
		Document claimed = new Document("_id", TierModels.POINTER_ID)
			.append("modelId", (pointer != null) ? pointer.getString("modelId") : null)
			.append("version", version)
			.append("pending", new Document("modelId", modelId).append("at", Date.from(at)).append("by", "admin"));
		this.mongoTemplate.save(claimed, TierModels.POINTER_COLLECTION);
		return version;
	}

}
