package com.corpbank.portal.tier;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.corpbank.portal.write.InputCheck;
import org.jspecify.annotations.Nullable;

/**
 * The rules a scoring model must meet, checked all at once with the input path of each problem (e.g.
 * {@code ["input", "factors", "3", "input"]}, list positions counted from 0 as in GraphQL paths):
 * <ul>
 * <li>version: 1 to {@value #MAX_VERSION_LENGTH} characters of letters, digits, '.', '_' and '-';</li>
 * <li>at least one factor, at most {@value #MAX_FACTORS}; keys unique, 1 to 40 characters of a-z, 0-9 and '_';</li>
 * <li>every input a known {@link ScoringInput}, every method a known {@link NormalisationMethod} that fits it
 * (CATEGORY_POINTS for a categorical input, listing every category exactly once; BANDS, MIN_MAX or PERCENTILE for
 * a numeric one); bands non-empty with {@code from} strictly ascending; points and missing points within 0..100;</li>
 * <li>weights each in (0, 1] with at most 4 decimals, summing to exactly 1;</li>
 * <li>thresholds 0 &lt; bFrom &lt; aFrom &lt;= 100;</li>
 * <li>CLV: horizon 1..30 years, retention in (0, 1], discount in [0, 1), margins in [0, 0.2].</li>
 * </ul>
 * Drafts are stored only when valid; activation checks the stored model again (a rule added later still holds for
 * older drafts) and then the book's bounds the calibration took.
 */
public final class TierModelValidation {

	public static final int MAX_VERSION_LENGTH = 32;

	public static final int MAX_FACTORS = 40;

	public static final int MAX_KEY_LENGTH = 40;

	public static final int MAX_BANDS = 50;

	public static final int MAX_DESCRIPTION_LENGTH = 500;

	/** A percentile factor's cut points: the 0th to the 100th percentile. */
	public static final int CUT_POINTS = 101;

	private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z._-]{1," + MAX_VERSION_LENGTH + "}");

	private static final Pattern KEY = Pattern.compile("[a-z0-9_]{1," + MAX_KEY_LENGTH + "}");

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private static final BigDecimal MAX_MARGIN = new BigDecimal("0.2");

	private static final BigDecimal BAND_LIMIT = BigDecimal.TEN.pow(15);

	private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

	private static final LocalDate LATEST = LocalDate.of(2099, 12, 31);

	private TierModelValidation() {
	}

	/** A model's checked content, ready to store. */
	public record Content(@Nullable String description, LocalDate effectiveFrom, List<ScoringFactor> factors,
			TierThresholds thresholds, ClvParameters clv) {
	}

	/** The model version text; null (with an error) when it breaks the rule. */
	public static @Nullable String version(InputCheck check, @Nullable String version) {
		String text = check.requiredText("version", version, MAX_VERSION_LENGTH);
		if (text != null && !VERSION.matcher(text).matches()) {
			check.reject("version", "version is 1 to " + MAX_VERSION_LENGTH
					+ " characters of letters, digits, '.', '_' and '-', e.g. \"2026.2\".");
			return null;
		}
		return text;
	}

	/** True for text that could be a model version (a query argument is checked with it). */
	public static boolean isVersion(String text) {
		return text.length() <= MAX_VERSION_LENGTH && VERSION.matcher(text).matches();
	}

	/**
	 * Checks the content of a create or update input; adds every problem to {@code check}.
	 * @return the content when this input has no problem, null otherwise
	 */
	public static @Nullable Content content(InputCheck check, TierModelContentInput input) {
		int before = check.errors().size();
		String description = check.optionalText("description", input.description(), MAX_DESCRIPTION_LENGTH);
		LocalDate effectiveFrom = effectiveFrom(check, input.effectiveFrom());
		List<ScoringFactor> factors = factors(check, input.factors());
		TierThresholds thresholds = thresholds(check.nested("thresholds"), input.thresholds());
		ClvParameters clv = clv(check.nested("clv"), input.clv());
		if (check.errors().size() > before || effectiveFrom == null || factors == null || thresholds == null
				|| clv == null) {
			return null;
		}
		return new Content(description, effectiveFrom, factors, thresholds, clv);
	}

	/** A stored model as an input, so that activation checks it by the same rules as create and update. */
	public static TierModelContentInput asInput(TierModel model) {
		List<ScoringFactorInput> factors = model.factors().stream().map(factor -> {
			Normalisation n = factor.normalisation();
			List<BandInput> bands = n.bands().stream().map(band -> new BandInput(band.from(), band.points())).toList();
			List<CategoryPointsInput> categories = n.categories().stream()
				.map(category -> new CategoryPointsInput(category.category(), category.points())).toList();
			return new ScoringFactorInput(factor.key(), factor.input().name(), n.method().name(), bands, categories,
					n.higherIsBetter(), n.missingPoints(), factor.weight(), factor.description());
		}).toList();
		return new CreateTierModelInput(model.id(), model.description(), model.effectiveFrom(), factors,
				new TierThresholdsInput(model.thresholds().aFrom(), model.thresholds().bFrom()),
				new ClvParametersInput(model.clv().horizonYears(), model.clv().retentionRate(),
						model.clv().discountRate(), model.clv().depositMargin(), model.clv().loanMargin()));
	}

	/**
	 * Checks the book's bounds a calibration took: MIN_MAX needs a minimum and a maximum (min &lt;= max; equal bounds
	 * are the scoring's documented degenerate case), PERCENTILE {@value #CUT_POINTS} ascending cut points. A book with
	 * no value of an input at all cannot calibrate it: every client would score the factor's missing points, so the
	 * model should band that input instead (or wait for the data).
	 */
	public static void calibration(InputCheck check, TierModel calibrated) {
		InputCheck factors = check.nested("factors");
		for (int i = 0; i < calibrated.factors().size(); i++) {
			ScoringFactor factor = calibrated.factors().get(i);
			Normalisation n = factor.normalisation();
			InputCheck at = factors.nested(String.valueOf(i));
			if (n.method() == NormalisationMethod.MIN_MAX
					&& (n.min() == null || n.max() == null || n.min().compareTo(n.max()) > 0)) {
				at.reject("method", "The book has no values of " + factor.input() + " to take bounds from (minimum "
						+ plain(n.min()) + ", maximum " + plain(n.max()) + "): factor " + factor.key()
						+ " cannot be scaled by MIN_MAX; use BANDS.");
			}
			if (n.method() == NormalisationMethod.PERCENTILE && !percentilesUsable(n.cutPoints())) {
				at.reject("method", "The book has no values of " + factor.input() + " to take percentiles from: factor "
						+ factor.key() + " cannot be ranked by PERCENTILE; use BANDS.");
			}
		}
	}

	private static boolean percentilesUsable(List<BigDecimal> cutPoints) {
		if (cutPoints.size() != CUT_POINTS) {
			return false;
		}
		for (int i = 1; i < cutPoints.size(); i++) {
			if (cutPoints.get(i).compareTo(cutPoints.get(i - 1)) < 0) {
				return false;
			}
		}
		return true;
	}

	private static @Nullable LocalDate effectiveFrom(InputCheck check, @Nullable LocalDate effectiveFrom) {
		if (effectiveFrom == null) {
			check.reject("effectiveFrom", "effectiveFrom is required.");
			return null;
		}
		if (effectiveFrom.isBefore(EARLIEST) || effectiveFrom.isAfter(LATEST)) {
			check.reject("effectiveFrom", "effectiveFrom must be between " + EARLIEST + " and " + LATEST + ".");
			return null;
		}
		return effectiveFrom;
	}

	// ---- Factors ------------------------------------------------------------------------------------------------

	private static @Nullable List<ScoringFactor> factors(InputCheck check, @Nullable List<ScoringFactorInput> inputs) {
		if (inputs == null || inputs.isEmpty()) {
			check.reject("factors", "A model needs at least one factor.");
			return null;
		}
		if (inputs.size() > MAX_FACTORS) {
			check.reject("factors", "A model has at most " + MAX_FACTORS + " factors.");
			return null;
		}
		InputCheck list = check.nested("factors");
		List<ScoringFactor> factors = new ArrayList<>();
		Map<String, Integer> keys = new HashMap<>();
		BigDecimal weights = BigDecimal.ZERO;
		boolean weightsKnown = true;
		for (int i = 0; i < inputs.size(); i++) {
			ScoringFactorInput input = inputs.get(i);
			InputCheck at = list.nested(String.valueOf(i));
			if (input == null) {
				list.reject(String.valueOf(i), "A factor is required here.");
				weightsKnown = false;
				continue;
			}
			String key = key(at, input.key());
			if (key != null) {
				Integer first = keys.putIfAbsent(key, i);
				if (first != null) {
					at.reject("key", "key " + key + " is the key of factor " + first + " already: keys are unique.");
				}
			}
			BigDecimal weight = decimal(at, "weight", input.weight(), 4, BigDecimal.ZERO, false, BigDecimal.ONE, true,
					"in (0, 1]");
			if (weight == null) {
				weightsKnown = false;
			}
			else {
				weights = weights.add(weight);
			}
			ScoringFactor factor = factor(at, input, key, weight);
			if (factor != null) {
				factors.add(factor);
			}
		}
		if (weightsKnown && weights.compareTo(BigDecimal.ONE) != 0) {
			check.reject("factors", "The weights sum to " + weights.stripTrailingZeros().toPlainString()
					+ "; they must sum to exactly 1.");
		}
		return (factors.size() == inputs.size()) ? factors : null;
	}

	private static @Nullable String key(InputCheck at, @Nullable String key) {
		String text = at.requiredText("key", key, MAX_KEY_LENGTH);
		if (text != null && !KEY.matcher(text).matches()) {
			at.reject("key", "key is 1 to " + MAX_KEY_LENGTH + " characters of a-z, 0-9 and '_', e.g. \"revenue_scale\".");
			return null;
		}
		return text;
	}

	private static @Nullable ScoringFactor factor(InputCheck at, ScoringFactorInput input, @Nullable String key,
			@Nullable BigDecimal weight) {
		int before = at.errors().size();
		ScoringInput scoringInput = named(at, "input", input.input(), ScoringInput.class);
		NormalisationMethod method = named(at, "method", input.method(), NormalisationMethod.class);
		if (scoringInput != null && method != null) {
			if (scoringInput.isCategorical() && method != NormalisationMethod.CATEGORY_POINTS) {
				at.reject("method", scoringInput + " is categorical: its method is CATEGORY_POINTS.");
			}
			else if (!scoringInput.isCategorical() && method == NormalisationMethod.CATEGORY_POINTS) {
				at.reject("method", scoringInput + " is numeric: its method is BANDS, MIN_MAX or PERCENTILE.");
			}
		}
		List<Band> bands = bands(at, input.bands(), method);
		List<CategoryPoints> categories = categories(at, input.categories(), method, scoringInput);
		BigDecimal missingPoints = (input.missingPoints() != null)
				? points(at, "missingPoints", input.missingPoints()) : BigDecimal.ZERO;
		String description = at.optionalText("description", input.description(), MAX_DESCRIPTION_LENGTH);
		if (at.errors().size() > before || key == null || weight == null || scoringInput == null || method == null
				|| missingPoints == null) {
			return null;
		}
		boolean higherIsBetter = (input.higherIsBetter() == null) || input.higherIsBetter();
		Normalisation normalisation = new Normalisation(method, bands, null, null, List.of(), categories,
				higherIsBetter, missingPoints);
		return new ScoringFactor(key, scoringInput, normalisation, weight, description);
	}

	private static <E extends Enum<E>> @Nullable E named(InputCheck at, String field, @Nullable String name,
			Class<E> type) {
		// Capped at the longest name plus slack: the text is only ever compared with the names.
		String text = at.requiredText(field, name, 64);
		if (text == null) {
			return null;
		}
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equals(text)) {
				return constant;
			}
		}
		at.reject(field, field + " must be one of " + Arrays.stream(type.getEnumConstants())
			.map(Enum::name)
			.collect(Collectors.joining(", ")) + ".");
		return null;
	}

	private static List<Band> bands(InputCheck at, @Nullable List<BandInput> inputs,
			@Nullable NormalisationMethod method) {
		boolean given = inputs != null && !inputs.isEmpty();
		if (method != NormalisationMethod.BANDS) {
			if (given && method != null) {
				at.reject("bands", "Only a BANDS factor has bands; " + method + " leaves them out.");
			}
			return List.of();
		}
		if (!given) {
			at.reject("bands", "A BANDS factor needs at least one band.");
			return List.of();
		}
		if (inputs.size() > MAX_BANDS) {
			at.reject("bands", "A factor has at most " + MAX_BANDS + " bands.");
			return List.of();
		}
		InputCheck list = at.nested("bands");
		List<Band> bands = new ArrayList<>();
		BigDecimal previous = null;
		for (int j = 0; j < inputs.size(); j++) {
			BandInput input = inputs.get(j);
			InputCheck band = list.nested(String.valueOf(j));
			if (input == null) {
				list.reject(String.valueOf(j), "A band is required here.");
				continue;
			}
			BigDecimal from = decimal(band, "from", input.from(), 6, BAND_LIMIT.negate(), true, BAND_LIMIT, true,
					"within ±10^15");
			BigDecimal points = points(band, "points", input.points());
			if (from != null && previous != null && from.compareTo(previous) <= 0) {
				band.reject("from", "from must be above the previous band's (" + plain(previous)
						+ "): bands ascend strictly.");
			}
			if (from != null) {
				previous = from;
			}
			if (from != null && points != null) {
				bands.add(new Band(from, points));
			}
		}
		return bands;
	}

	private static List<CategoryPoints> categories(InputCheck at, @Nullable List<CategoryPointsInput> inputs,
			@Nullable NormalisationMethod method, @Nullable ScoringInput input) {
		boolean given = inputs != null && !inputs.isEmpty();
		if (method != NormalisationMethod.CATEGORY_POINTS) {
			if (given && method != null) {
				at.reject("categories", "Only a CATEGORY_POINTS factor has categories; " + method + " leaves them out.");
			}
			return List.of();
		}
		if (input == null || !input.isCategorical()) {
			// The method's misfit is reported already; the categories cannot be checked against an input.
			return List.of();
		}
		List<CategoryPointsInput> entries = given ? inputs : List.of();
		if (entries.size() > input.categories().size()) {
			at.reject("categories", input + " has " + input.categories().size() + " categories: list each once.");
			return List.of();
		}
		InputCheck list = at.nested("categories");
		List<CategoryPoints> categories = new ArrayList<>();
		Set<String> seen = new LinkedHashSet<>();
		for (int j = 0; j < entries.size(); j++) {
			CategoryPointsInput entry = entries.get(j);
			InputCheck category = list.nested(String.valueOf(j));
			if (entry == null) {
				list.reject(String.valueOf(j), "A category is required here.");
				continue;
			}
			String name = category.requiredText("category", entry.category(), 16);
			BigDecimal points = points(category, "points", entry.points());
			if (name == null) {
				continue;
			}
			if (!input.categories().contains(name)) {
				category.reject("category", "category must be one of " + String.join(", ", input.categories())
						+ " for " + input + ".");
			}
			else if (!seen.add(name)) {
				category.reject("category", "category " + name + " is listed twice: each category once.");
			}
			else if (points != null) {
				categories.add(new CategoryPoints(name, points));
			}
		}
		List<String> missing = input.categories().stream().filter(name -> !seen.contains(name)).toList();
		if (!missing.isEmpty()) {
			at.reject("categories", "Every category of " + input + " needs its points: " + String.join(", ", missing)
					+ ((missing.size() == 1) ? " is" : " are") + " missing.");
		}
		return categories;
	}

	// ---- Thresholds and CLV -------------------------------------------------------------------------------------

	private static @Nullable TierThresholds thresholds(InputCheck check, @Nullable TierThresholdsInput input) {
		if (input == null) {
			check.reject("aFrom", "aFrom is required.");
			check.reject("bFrom", "bFrom is required.");
			return null;
		}
		BigDecimal aFrom = decimal(check, "aFrom", input.aFrom(), 2, BigDecimal.ZERO, false, HUNDRED, true,
				"in (0, 100]");
		BigDecimal bFrom = decimal(check, "bFrom", input.bFrom(), 2, BigDecimal.ZERO, false, HUNDRED, true,
				"in (0, 100]");
		if (aFrom == null || bFrom == null) {
			return null;
		}
		if (bFrom.compareTo(aFrom) >= 0) {
			check.reject("bFrom", "bFrom must be below aFrom (" + plain(aFrom) + "): tier B starts below tier A.");
			return null;
		}
		return new TierThresholds(aFrom, bFrom);
	}

	private static @Nullable ClvParameters clv(InputCheck check, @Nullable ClvParametersInput input) {
		if (input == null) {
			check.reject("horizonYears", "horizonYears is required.");
			return null;
		}
		Integer horizon = check.range("horizonYears", input.horizonYears(), 1, 30, true);
		BigDecimal retention = decimal(check, "retentionRate", input.retentionRate(), 4, BigDecimal.ZERO, false,
				BigDecimal.ONE, true, "in (0, 1]");
		BigDecimal discount = decimal(check, "discountRate", input.discountRate(), 4, BigDecimal.ZERO, true,
				BigDecimal.ONE, false, "in [0, 1)");
		BigDecimal deposit = decimal(check, "depositMargin", input.depositMargin(), 4, BigDecimal.ZERO, true,
				MAX_MARGIN, true, "in [0, 0.2]");
		BigDecimal loan = decimal(check, "loanMargin", input.loanMargin(), 4, BigDecimal.ZERO, true, MAX_MARGIN, true,
				"in [0, 0.2]");
		if (horizon == null || retention == null || discount == null || deposit == null || loan == null) {
			return null;
		}
		return new ClvParameters(horizon, retention, discount, deposit, loan);
	}

	// ---- Numbers ------------------------------------------------------------------------------------------------

	private static @Nullable BigDecimal points(InputCheck check, String field, @Nullable BigDecimal value) {
		return decimal(check, field, value, 2, BigDecimal.ZERO, true, HUNDRED, true, "within 0..100");
	}

	/** A required decimal within its bounds with at most {@code decimals} decimals; null (with an error) otherwise. */
	private static @Nullable BigDecimal decimal(InputCheck check, String field, @Nullable BigDecimal value,
			int decimals, BigDecimal min, boolean minInclusive, BigDecimal max, boolean maxInclusive, String range) {
		if (value == null) {
			check.reject(field, field + " is required.");
			return null;
		}
		int low = value.compareTo(min);
		int high = value.compareTo(max);
		if (low < 0 || (low == 0 && !minInclusive) || high > 0 || (high == 0 && !maxInclusive)) {
			check.reject(field, field + " must be " + range + ".");
			return null;
		}
		if (value.stripTrailingZeros().scale() > decimals) {
			check.reject(field, field + " has at most " + decimals + " decimals.");
			return null;
		}
		return value;
	}

	private static String plain(@Nullable BigDecimal value) {
		return (value != null) ? value.stripTrailingZeros().toPlainString() : "none";
	}

}
