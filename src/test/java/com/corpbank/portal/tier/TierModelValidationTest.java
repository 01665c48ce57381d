package com.corpbank.portal.tier;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import com.corpbank.portal.write.InputCheck;
import com.corpbank.portal.write.UserError;
import com.corpbank.portal.write.UserErrorCode;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each rule of {@link TierModelValidation}, one test each: the error it gives and the input path it names. */
class TierModelValidationTest {

	// ---- A valid model, and the one-field changes that break it -----------------------------------------------

	static BigDecimal d(String value) {
		return new BigDecimal(value);
	}

	static ScoringFactorInput bands(String key, String input, String weight) {
		return new ScoringFactorInput(key, input, "BANDS",
				List.of(new BandInput(d("0"), d("0")), new BandInput(d("1000000"), d("60")),
						new BandInput(d("100000000"), d("100"))),
				null, null, null, d(weight), null);
	}

	static ScoringFactorInput grade(String key, String weight) {
		return new ScoringFactorInput(key, "TAX_CREDIT_GRADE", "CATEGORY_POINTS", null,
				List.of(new CategoryPointsInput("A", d("100")), new CategoryPointsInput("B", d("80")),
						new CategoryPointsInput("M", d("60")), new CategoryPointsInput("C", d("30")),
						new CategoryPointsInput("D", d("0"))),
				null, d("40"), d(weight), "纳税信用等级");
	}

	static CreateTierModelInput valid() {
		return new CreateTierModelInput("2026.2", "test model", LocalDate.of(2026, 11, 1),
				List.of(bands("revenue_scale", "REVENUE", "0.5"), grade("tax_grade", "0.3"),
						new ScoringFactorInput("deposits", "AVERAGE_DEPOSITS", "MIN_MAX", null, null, true, null,
								d("0.2"), null)),
				new TierThresholdsInput(d("80"), d("60")),
				new ClvParametersInput(5, d("0.9"), d("0.08"), d("0.015"), d("0.02")));
	}

	static CreateTierModelInput withFactor(int index, UnaryOperator<ScoringFactorInput> change) {
		CreateTierModelInput base = valid();
		List<ScoringFactorInput> factors = new ArrayList<>(base.factors());
		factors.set(index, change.apply(factors.get(index)));
		return withFactors(factors);
	}

	static CreateTierModelInput withFactors(@Nullable List<ScoringFactorInput> factors) {
		CreateTierModelInput base = valid();
		return new CreateTierModelInput(base.version(), base.description(), base.effectiveFrom(), factors,
				base.thresholds(), base.clv());
	}

	static CreateTierModelInput withThresholds(String aFrom, String bFrom) {
		CreateTierModelInput base = valid();
		return new CreateTierModelInput(base.version(), base.description(), base.effectiveFrom(), base.factors(),
				new TierThresholdsInput(d(aFrom), d(bFrom)), base.clv());
	}

	static CreateTierModelInput withClv(ClvParametersInput clv) {
		CreateTierModelInput base = valid();
		return new CreateTierModelInput(base.version(), base.description(), base.effectiveFrom(), base.factors(),
				base.thresholds(), clv);
	}

	static ScoringFactorInput weight(ScoringFactorInput f, String weight) {
		return new ScoringFactorInput(f.key(), f.input(), f.method(), f.bands(), f.categories(), f.higherIsBetter(),
				f.missingPoints(), d(weight), f.description());
	}

	static ScoringFactorInput key(ScoringFactorInput f, String key) {
		return new ScoringFactorInput(key, f.input(), f.method(), f.bands(), f.categories(), f.higherIsBetter(),
				f.missingPoints(), f.weight(), f.description());
	}

	static ScoringFactorInput input(ScoringFactorInput f, String input) {
		return new ScoringFactorInput(f.key(), input, f.method(), f.bands(), f.categories(), f.higherIsBetter(),
				f.missingPoints(), f.weight(), f.description());
	}

	static ScoringFactorInput method(ScoringFactorInput f, String method) {
		return new ScoringFactorInput(f.key(), f.input(), method, f.bands(), f.categories(), f.higherIsBetter(),
				f.missingPoints(), f.weight(), f.description());
	}

	static ScoringFactorInput bandList(ScoringFactorInput f, @Nullable List<BandInput> bands) {
		return new ScoringFactorInput(f.key(), f.input(), f.method(), bands, f.categories(), f.higherIsBetter(),
				f.missingPoints(), f.weight(), f.description());
	}

	static ScoringFactorInput categoryList(ScoringFactorInput f, @Nullable List<CategoryPointsInput> categories) {
		return new ScoringFactorInput(f.key(), f.input(), f.method(), f.bands(), categories, f.higherIsBetter(),
				f.missingPoints(), f.weight(), f.description());
	}

	static ScoringFactorInput missing(ScoringFactorInput f, String missingPoints) {
		return new ScoringFactorInput(f.key(), f.input(), f.method(), f.bands(), f.categories(), f.higherIsBetter(),
				d(missingPoints), f.weight(), f.description());
	}

	static List<UserError> errors(CreateTierModelInput input) {
		InputCheck check = InputCheck.of("input");
		TierModelValidation.version(check, input.version());
		int versionErrors = check.errors().size();
		TierModelValidation.Content content = TierModelValidation.content(check, input);
		assertThat(content == null).as("content is null exactly when it has errors")
			.isEqualTo(check.errors().size() > versionErrors);
		return check.errors();
	}

	static void rejects(CreateTierModelInput input, String messagePart, String... path) {
		assertThat(errors(input)).as("errors").singleElement().satisfies(error -> {
			assertThat(error.code()).isEqualTo(UserErrorCode.VALIDATION);
			assertThat(error.field()).containsExactly(path);
			assertThat(error.message()).contains(messagePart);
		});
	}

	// ---- The valid model --------------------------------------------------------------------------------------

	@Test
	void aValidModelHasNoErrorsAndKeepsItsContent() {
		InputCheck check = InputCheck.of("input");
		TierModelValidation.Content content = TierModelValidation.content(check, valid());
		assertThat(check.errors()).isEmpty();
		assertThat(content).isNotNull();
		assertThat(content.factors()).extracting(ScoringFactor::key)
			.containsExactly("revenue_scale", "tax_grade", "deposits");
		assertThat(content.factors().get(1).normalisation().missingPoints()).isEqualByComparingTo("40");
		// Left out: no points when missing, higher is better.
		assertThat(content.factors().get(0).normalisation().missingPoints()).isEqualByComparingTo("0");
		assertThat(content.factors().get(0).normalisation().higherIsBetter()).isTrue();
		assertThat(content.factors().get(2).normalisation().min()).as("taken at activation").isNull();
	}

	@Test
	void aStoredModelReadBackAsInputIsCheckedByTheSameRules() {
		InputCheck check = InputCheck.of("input");
		TierModelValidation.Content content = TierModelValidation.content(check, valid());
		TierModel stored = new TierModel("2026.2", content.description(), TierModelStatus.DRAFT,
				content.effectiveFrom(), content.factors(), content.thresholds(), content.clv(), "admin",
				java.time.Instant.EPOCH, null, null, 0L);
		InputCheck again = InputCheck.of("model");
		assertThat(TierModelValidation.content(again, TierModelValidation.asInput(stored))).isEqualTo(content);
		assertThat(again.errors()).isEmpty();
	}

	// ---- Version ----------------------------------------------------------------------------------------------

	@Test
	void versionWithCharactersOutsideItsAlphabetIsRejected() {
		for (String version : List.of("2026 2", "2026/2", "{\"$gt\":\"\"}", "a$b", "模型1")) {
			CreateTierModelInput base = valid();
			rejects(new CreateTierModelInput(version, base.description(), base.effectiveFrom(), base.factors(),
					base.thresholds(), base.clv()), "letters, digits", "input", "version");
		}
	}

	@Test
	void versionLongerThan32CharactersIsRejected() {
		CreateTierModelInput base = valid();
		rejects(new CreateTierModelInput("v".repeat(33), base.description(), base.effectiveFrom(), base.factors(),
				base.thresholds(), base.clv()), "at most 32", "input", "version");
		assertThat(errors(new CreateTierModelInput("v".repeat(32), base.description(), base.effectiveFrom(),
				base.factors(), base.thresholds(), base.clv()))).isEmpty();
	}

	@Test
	void versionIsRequired() {
		CreateTierModelInput base = valid();
		rejects(new CreateTierModelInput(" ", base.description(), base.effectiveFrom(), base.factors(),
				base.thresholds(), base.clv()), "required", "input", "version");
	}

	@Test
	void effectiveFromIsRequiredAndWithinTheCentury() {
		CreateTierModelInput base = valid();
		rejects(new CreateTierModelInput(base.version(), base.description(), null, base.factors(), base.thresholds(),
				base.clv()), "required", "input", "effectiveFrom");
		rejects(new CreateTierModelInput(base.version(), base.description(), LocalDate.of(1999, 12, 31),
				base.factors(), base.thresholds(), base.clv()), "between", "input", "effectiveFrom");
	}

	// ---- Weights ----------------------------------------------------------------------------------------------

	@Test
	void weightsThatDoNotSumToExactlyOneAreRejectedOnTheFactorList() {
		rejects(withFactor(0, f -> weight(f, "0.4999")), "sum to 0.9999", "input", "factors");
	}

	@Test
	void weightOfZeroIsRejected() {
		// 0 + 0.3 + 0.2 is not 1 either, but a weight that is itself wrong is not added up.
		rejects(withFactor(0, f -> weight(f, "0")), "in (0, 1]", "input", "factors", "0", "weight");
	}

	@Test
	void weightAboveOneIsRejected() {
		rejects(withFactor(2, f -> weight(f, "1.0001")), "in (0, 1]", "input", "factors", "2", "weight");
	}

	@Test
	void weightWithMoreThanFourDecimalsIsRejected() {
		rejects(withFactor(0, f -> weight(f, "0.49995")), "at most 4 decimals", "input", "factors", "0", "weight");
	}

	@Test
	void aSingleFactorOfWeightOneIsValid() {
		assertThat(errors(withFactors(List.of(bands("revenue_scale", "REVENUE", "1.0000"))))).isEmpty();
	}

	// ---- Factors, keys, inputs and methods --------------------------------------------------------------------

	@Test
	void modelWithoutFactorsIsRejected() {
		rejects(withFactors(List.of()), "at least one factor", "input", "factors");
		rejects(withFactors(null), "at least one factor", "input", "factors");
	}

	@Test
	void moreThanFortyFactorsAreRejected() {
		List<ScoringFactorInput> many = new ArrayList<>();
		for (int i = 0; i < 41; i++) {
			many.add(bands("f" + i, "REVENUE", "0.0244"));
		}
		rejects(withFactors(many), "at most 40", "input", "factors");
	}

	@Test
	void duplicateFactorKeyIsRejectedOnTheSecondFactor() {
		rejects(withFactor(2, f -> key(f, "revenue_scale")), "keys are unique", "input", "factors", "2", "key");
	}

	@Test
	void factorKeyOutsideItsAlphabetIsRejected() {
		for (String key : List.of("Revenue", "revenue-scale", "a.b$c", "收入", "k".repeat(41))) {
			assertThat(errors(withFactor(0, f -> key(f, key)))).as(key).singleElement().satisfies(error -> {
				assertThat(error.field()).containsExactly("input", "factors", "0", "key");
				assertThat(error.code()).isEqualTo(UserErrorCode.VALIDATION);
			});
		}
	}

	@Test
	void unknownInputIsRejectedWithItsPath() {
		rejects(withFactor(1, f -> input(f, "SHOE_SIZE")), "input must be one of REVENUE", "input", "factors", "1",
				"input");
	}

	@Test
	void inputNamesAreExactNotLowerCase() {
		rejects(withFactor(0, f -> input(f, "revenue")), "input must be one of", "input", "factors", "0", "input");
	}

	@Test
	void unknownMethodIsRejectedWithItsPath() {
		rejects(withFactor(0, f -> method(f, "LOGARITHMIC")), "method must be one of BANDS", "input", "factors", "0",
				"method");
	}

	@Test
	void categoricalInputWithANumericMethodIsRejected() {
		rejects(withFactor(1, f -> categoryList(bandList(method(f, "BANDS"), List.of(new BandInput(d("0"), d("1")))),
				null)), "TAX_CREDIT_GRADE is categorical", "input", "factors", "1", "method");
	}

	@Test
	void numericInputWithCategoryPointsIsRejected() {
		rejects(withFactor(2, f -> method(f, "CATEGORY_POINTS")), "AVERAGE_DEPOSITS is numeric", "input", "factors",
				"2", "method");
	}

	// ---- Bands ------------------------------------------------------------------------------------------------

	@Test
	void bandsFactorWithoutBandsIsRejected() {
		rejects(withFactor(0, f -> bandList(f, List.of())), "at least one band", "input", "factors", "0", "bands");
		rejects(withFactor(0, f -> bandList(f, null)), "at least one band", "input", "factors", "0", "bands");
	}

	@Test
	void bandsThatDoNotAscendStrictlyAreRejectedOnTheOffendingBand() {
		rejects(withFactor(0, f -> bandList(f, List.of(new BandInput(d("0"), d("0")),
				new BandInput(d("5000000"), d("50")), new BandInput(d("5000000.00"), d("90"))))), "ascend strictly",
				"input", "factors", "0", "bands", "2", "from");
	}

	@Test
	void bandPointsAbove100AreRejected() {
		rejects(withFactor(0, f -> bandList(f, List.of(new BandInput(d("0"), d("100.01"))))), "within 0..100",
				"input", "factors", "0", "bands", "0", "points");
	}

	@Test
	void negativeBandPointsAreRejected() {
		rejects(withFactor(0, f -> bandList(f, List.of(new BandInput(d("0"), d("-1"))))), "within 0..100", "input",
				"factors", "0", "bands", "0", "points");
	}

	@Test
	void bandsOnAMethodOtherThanBandsAreRejected() {
		rejects(withFactor(2, f -> bandList(f, List.of(new BandInput(d("0"), d("10"))))), "Only a BANDS factor",
				"input", "factors", "2", "bands");
	}

	@Test
	void negativeBandBoundsAreValidForInputsThatCanFall() {
		assertThat(errors(withFactor(0, f -> input(bandList(f, List.of(new BandInput(d("-0.5"), d("0")),
				new BandInput(d("0"), d("50")), new BandInput(d("0.15"), d("100")))), "REVENUE_GROWTH")))).isEmpty();
	}

	// ---- Categories -------------------------------------------------------------------------------------------

	@Test
	void categoryPointsMissingACategoryAreRejected() {
		rejects(withFactor(1, f -> categoryList(f, f.categories().subList(0, 4))), "D is missing", "input", "factors",
				"1", "categories");
	}

	@Test
	void categoryListedTwiceIsRejected() {
		List<UserError> errors = errors(withFactor(1, f -> categoryList(f, List.of(new CategoryPointsInput("A", d("100")),
				new CategoryPointsInput("B", d("80")), new CategoryPointsInput("M", d("60")),
				new CategoryPointsInput("C", d("30")), new CategoryPointsInput("C", d("0"))))));
		assertThat(errors).extracting(UserError::field)
			.containsExactlyInAnyOrder(List.of("input", "factors", "1", "categories", "4", "category"),
					List.of("input", "factors", "1", "categories"));
		assertThat(errors.get(0).message()).contains("listed twice");
	}

	@Test
	void unknownCategoryIsRejected() {
		List<UserError> errors = errors(withFactor(1, f -> categoryList(f, List.of(new CategoryPointsInput("A", d("100")),
				new CategoryPointsInput("B", d("80")), new CategoryPointsInput("M", d("60")),
				new CategoryPointsInput("C", d("30")), new CategoryPointsInput("E", d("0"))))));
		assertThat(errors).filteredOn(error -> error.field()
			.equals(List.of("input", "factors", "1", "categories", "4", "category")))
			.singleElement()
			.satisfies(error -> assertThat(error.message()).contains("one of A, B, M, C, D"));
	}

	@Test
	void categoryPointsAbove100AreRejected() {
		List<CategoryPointsInput> categories = new ArrayList<>(valid().factors().get(1).categories());
		categories.set(0, new CategoryPointsInput("A", d("101")));
		List<UserError> errors = errors(withFactor(1, f -> categoryList(f, categories)));
		assertThat(errors).extracting(UserError::field)
			.contains(List.of("input", "factors", "1", "categories", "0", "points"));
	}

	@Test
	void categoriesOnANumericFactorAreRejected() {
		rejects(withFactor(0, f -> categoryList(f, List.of(new CategoryPointsInput("A", d("1"))))),
				"Only a CATEGORY_POINTS factor", "input", "factors", "0", "categories");
	}

	@Test
	void everyCategoricalInputNeedsItsOwnCategories() {
		ScoringFactorInput rating = new ScoringFactorInput("rating", "CREDIT_RATING", "CATEGORY_POINTS", null,
				List.of(new CategoryPointsInput("AAA", d("100"))), null, null, d("1"), null);
		rejects(withFactors(List.of(rating)), "AA, A, BBB, BB, B, CCC, CC, C, D are missing", "input", "factors", "0",
				"categories");
	}

	// ---- Missing points ---------------------------------------------------------------------------------------

	@Test
	void missingPointsAbove100AreRejected() {
		rejects(withFactor(0, f -> missing(f, "100.5")), "within 0..100", "input", "factors", "0", "missingPoints");
	}

	@Test
	void negativeMissingPointsAreRejected() {
		rejects(withFactor(0, f -> missing(f, "-0.01")), "within 0..100", "input", "factors", "0", "missingPoints");
	}

	// ---- Thresholds -------------------------------------------------------------------------------------------

	@Test
	void bFromNotBelowAFromIsRejected() {
		rejects(withThresholds("70", "70"), "below aFrom", "input", "thresholds", "bFrom");
		rejects(withThresholds("60", "80"), "below aFrom", "input", "thresholds", "bFrom");
	}

	@Test
	void aFromAbove100IsRejected() {
		rejects(withThresholds("100.01", "60"), "in (0, 100]", "input", "thresholds", "aFrom");
		assertThat(errors(withThresholds("100", "60"))).isEmpty();
	}

	@Test
	void bFromOfZeroIsRejected() {
		rejects(withThresholds("80", "0"), "in (0, 100]", "input", "thresholds", "bFrom");
		assertThat(errors(withThresholds("80", "0.01"))).isEmpty();
	}

	// ---- CLV --------------------------------------------------------------------------------------------------

	@Test
	void clvHorizonOutside1To30YearsIsRejected() {
		rejects(withClv(new ClvParametersInput(0, d("0.9"), d("0.08"), d("0.01"), d("0.01"))), "between 1 and 30",
				"input", "clv", "horizonYears");
		rejects(withClv(new ClvParametersInput(31, d("0.9"), d("0.08"), d("0.01"), d("0.01"))), "between 1 and 30",
				"input", "clv", "horizonYears");
	}

	@Test
	void retentionOfZeroIsRejectedAndOneIsValid() {
		rejects(withClv(new ClvParametersInput(5, d("0"), d("0.08"), d("0.01"), d("0.01"))), "in (0, 1]", "input",
				"clv", "retentionRate");
		assertThat(errors(withClv(new ClvParametersInput(5, d("1"), d("0.08"), d("0.01"), d("0.01"))))).isEmpty();
	}

	@Test
	void discountOfOneIsRejectedAndZeroIsValid() {
		rejects(withClv(new ClvParametersInput(5, d("0.9"), d("1"), d("0.01"), d("0.01"))), "in [0, 1)", "input",
				"clv", "discountRate");
		assertThat(errors(withClv(new ClvParametersInput(5, d("0.9"), d("0"), d("0.01"), d("0.01"))))).isEmpty();
	}

	@Test
	void marginsAbove20PercentAreRejected() {
		rejects(withClv(new ClvParametersInput(5, d("0.9"), d("0.08"), d("0.2001"), d("0.01"))), "in [0, 0.2]",
				"input", "clv", "depositMargin");
		rejects(withClv(new ClvParametersInput(5, d("0.9"), d("0.08"), d("0.01"), d("-0.01"))), "in [0, 0.2]",
				"input", "clv", "loanMargin");
	}

	// ---- All at once ------------------------------------------------------------------------------------------

	@Test
	void everyProblemIsReportedAtOnce() {
		CreateTierModelInput input = new CreateTierModelInput("bad version", null, LocalDate.of(2026, 11, 1),
				List.of(input(bands("a", "REVENUE", "0.5"), "NOPE"), method(bands("b", "REVENUE", "0.5"), "NOPE")),
				new TierThresholdsInput(d("50"), d("60")),
				new ClvParametersInput(40, d("0.9"), d("0.08"), d("0.01"), d("0.01")));
		assertThat(errors(input)).extracting(UserError::field)
			.containsExactlyInAnyOrder(List.of("input", "version"), List.of("input", "factors", "0", "input"),
					List.of("input", "factors", "1", "method"), List.of("input", "thresholds", "bFrom"),
					List.of("input", "clv", "horizonYears"));
	}

	// ---- Calibration ------------------------------------------------------------------------------------------

	@Test
	void calibrationWithoutBoundsIsRejectedOnTheFactorAndEqualBoundsAreValid() {
		assertThat(calibrationErrors(null, null)).singleElement().satisfies(error -> {
			assertThat(error.field()).containsExactly("model", "factors", "2", "method");
			assertThat(error.message()).contains("no values of AVERAGE_DEPOSITS");
		});
		assertThat(calibrationErrors(d("7"), d("5"))).hasSize(1);
		// Every client at the same value: the scoring gives them all 100 (TierScoring.minMax); not an error.
		assertThat(calibrationErrors(d("5"), d("5"))).isEmpty();
	}

	private static List<UserError> calibrationErrors(@Nullable BigDecimal min, @Nullable BigDecimal max) {
		InputCheck check = InputCheck.of("input");
		TierModelValidation.Content content = TierModelValidation.content(check, valid());
		List<ScoringFactor> factors = new ArrayList<>(content.factors());
		ScoringFactor deposits = factors.get(2);
		Normalisation n = deposits.normalisation();
		factors.set(2, new ScoringFactor(deposits.key(), deposits.input(), new Normalisation(n.method(), n.bands(),
				min, max, List.of(), n.categories(), true, n.missingPoints()), deposits.weight(), null));
		TierModel calibrated = new TierModel("2026.2", null, TierModelStatus.DRAFT, content.effectiveFrom(), factors,
				content.thresholds(), content.clv(), "admin", java.time.Instant.EPOCH, null, null, 0L);
		InputCheck model = InputCheck.of("model");
		TierModelValidation.calibration(model, calibrated);
		return model.errors();
	}

}
