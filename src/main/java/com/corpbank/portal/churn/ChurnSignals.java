package com.corpbank.portal.churn;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.corpbank.portal.tier.ValueTierCode;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The churn signals of one client, as pure functions of its {@link ChurnInputs} and the thresholds of
 * {@link ChurnProperties}. "The latest month" is the newest month on record; windows are calendar months counted
 * back from it. A signal whose input is missing is not evaluated (it does not fire):
 * <ul>
 * <li>{@link ChurnSignal#DEPOSITS_FALLING}: the sum of average deposits over the latest 3 months against the 3
 * months before fell by MORE than {@code deposit-drop-share} (exactly the share does not fire). Needs all 6
 * calendar months on record and a positive sum for the earlier 3. Value: the drop as a share, 4 decimals.</li>
 * <li>{@link ChurnSignal#FEWER_PRODUCTS}: the most products held in the 3 months before the latest, minus the latest
 * month's, is at least {@code product-drop}. Needs all 4 months. Value: that difference.</li>
 * <li>{@link ChurnSignal#NO_RECENT_CONTACT}: the newest {@code lastContactOn} of any month (or the latest recorded
 * interaction, {@link ChurnInputs#lastInteractionOn()}, when later) plus
 * {@code contact-cadence-multiplier} × the tier's visit cadence (no tier: C's) is before the evaluation date (on the
 * day itself it does not fire). Months on record none of which names a contact also fire, with value null ("no
 * contact on record"). Needs at least one month on record. Value: the last contact's date.</li>
 * <li>{@link ChurnSignal#OPEN_COMPLAINTS}: the larger of the latest month's {@code openComplaints} (the monthly
 * feed) and the complaints open in the portal as of the evaluation is at least {@code complaints-threshold}. Needs
 * either figure. Value: the count.</li>
 * <li>{@link ChurnSignal#OVERDUE_LOANS}: {@code overdueDays} is more than {@code overdue-days}. Needs overdueDays.
 * Value: the days.</li>
 * <li>{@link ChurnSignal#LOW_SATISFACTION}: the newest survey answer, given on or after the evaluation date minus
 * {@code low-satisfaction.window} (that day counts), scores at most {@code five-point-at-most} (five-point scale) or
 * {@code nps-at-most} (NPS). Needs an answer in the window. Value: the score and its scale ("2/5", "6/10").</li>
 * </ul>
 */
@Component
public class ChurnSignals {

	private final ChurnProperties properties;

	public ChurnSignals(ChurnProperties properties) {
		this.properties = properties;
	}

	/** Every signal that fires, in the order of {@link ChurnSignal}. */
	public List<FiredSignal> evaluate(ChurnInputs inputs) {
		List<FiredSignal> fired = new ArrayList<>();
		depositsFalling(inputs).ifPresent(fired::add);
		fewerProducts(inputs).ifPresent(fired::add);
		noRecentContact(inputs).ifPresent(fired::add);
		openComplaints(inputs).ifPresent(fired::add);
		overdueLoans(inputs).ifPresent(fired::add);
		lowSatisfaction(inputs).ifPresent(fired::add);
		return List.copyOf(fired);
	}

	public Optional<FiredSignal> depositsFalling(ChurnInputs inputs) {
		Map<YearMonth, MonthFigures> months = byMonth(inputs);
		YearMonth latest = latest(months);
		if (latest == null) {
			return Optional.empty();
		}
		List<MonthFigures> recent = window(months, latest, 0, 3);
		List<MonthFigures> before = window(months, latest, 3, 3);
		if (recent == null || before == null) {
			return Optional.empty();
		}
		BigDecimal recentSum = sum(recent);
		BigDecimal beforeSum = sum(before);
		if (beforeSum.signum() <= 0) {
			// Nothing to fall from.
			return Optional.empty();
		}
		BigDecimal fall = beforeSum.subtract(recentSum);
		BigDecimal share = this.properties.depositDropShare();
		// Exact comparison (fall > share × before), so the boundary is not blurred by rounding the ratio.
		if (fall.compareTo(share.multiply(beforeSum)) <= 0) {
			return Optional.empty();
		}
		String drop = fall.divide(beforeSum, MathContext.DECIMAL128).setScale(4, RoundingMode.HALF_UP).toPlainString();
		String threshold = decimal(share);
		BigDecimal three = BigDecimal.valueOf(3);
		String recentAverage = recentSum.divide(three, 2, RoundingMode.HALF_UP).toPlainString();
		String beforeAverage = beforeSum.divide(three, 2, RoundingMode.HALF_UP).toPlainString();
		String span = latest.minusMonths(2) + ".." + latest;
		String beforeSpan = latest.minusMonths(5) + ".." + latest.minusMonths(3);
		return Optional.of(new FiredSignal(ChurnSignal.DEPOSITS_FALLING, drop, threshold,
				"日均存款 %s 月均 %s，较 %s 月均 %s 下降 %s（阈值 %s）/ average deposits %s: %s, down %s from %s in %s (threshold %s)"
					.formatted(span, recentAverage, beforeSpan, beforeAverage, drop, threshold, span, recentAverage,
							drop, beforeAverage, beforeSpan, threshold)));
	}

	public Optional<FiredSignal> fewerProducts(ChurnInputs inputs) {
		Map<YearMonth, MonthFigures> months = byMonth(inputs);
		YearMonth latest = latest(months);
		if (latest == null) {
			return Optional.empty();
		}
		List<MonthFigures> before = window(months, latest, 1, 3);
		if (before == null) {
			return Optional.empty();
		}
		int held = months.get(latest).productsHeld();
		int most = before.stream().mapToInt(MonthFigures::productsHeld).max().orElse(held);
		int drop = most - held;
		if (drop < this.properties.productDrop()) {
			return Optional.empty();
		}
		String span = latest.minusMonths(3) + ".." + latest.minusMonths(1);
		return Optional.of(new FiredSignal(ChurnSignal.FEWER_PRODUCTS, String.valueOf(drop),
				String.valueOf(this.properties.productDrop()),
				"持有产品 %s 为 %d，%s 最多 %d，减少 %d / products held in %s: %d, down %d from the most of %s (%d)"
					.formatted(latest, held, span, most, drop, latest, held, drop, span, most)));
	}

	public Optional<FiredSignal> noRecentContact(ChurnInputs inputs) {
		if (inputs.months().isEmpty()) {
			return Optional.empty();
		}
		ValueTierCode tier = (inputs.tier() != null) ? inputs.tier() : ValueTierCode.C;
		Period cadence = this.properties.visitCadence().get(tier);
		int multiplier = this.properties.contactCadenceMultiplier();
		Period allowed = cadence.multipliedBy(multiplier);
		String rule = "%d × %s（%s 类拜访周期）/ %d × %s (tier %s visit cadence)".formatted(multiplier, cadence, tier,
				multiplier, cadence, tier);
		LocalDate lastContact = inputs.months()
			.stream()
			.map(MonthFigures::lastContactOn)
			.filter(Objects::nonNull)
			.max(Comparator.naturalOrder())
			.orElse(null);
		LocalDate interaction = inputs.lastInteractionOn();
		if (interaction != null && (lastContact == null || interaction.isAfter(lastContact))) {
			lastContact = interaction;
		}
		if (lastContact == null) {
			return Optional.of(new FiredSignal(ChurnSignal.NO_RECENT_CONTACT, null, allowed.toString(),
					"无联系记录，超过 " + rule + " 无联系即预警 / no contact on record; alert after " + rule));
		}
		if (!inputs.asOf().isAfter(lastContact.plus(allowed))) {
			return Optional.empty();
		}
		return Optional.of(new FiredSignal(ChurnSignal.NO_RECENT_CONTACT, lastContact.toString(), allowed.toString(),
				"最近联系 %s，已超过 %s / last contact %s, longer ago than %s".formatted(lastContact, rule, lastContact,
						rule)));
	}

	public Optional<FiredSignal> openComplaints(ChurnInputs inputs) {
		Map<YearMonth, MonthFigures> months = byMonth(inputs);
		YearMonth latest = latest(months);
		Integer fed = (latest != null) ? months.get(latest).openComplaints() : null;
		Integer portal = inputs.portalOpenComplaints();
		if (fed == null && portal == null) {
			return Optional.empty();
		}
		int open = Math.max((fed != null) ? fed : 0, (portal != null) ? portal : 0);
		if (open < this.properties.complaintsThreshold()) {
			return Optional.empty();
		}
		String threshold = String.valueOf(this.properties.complaintsThreshold());
		if (portal != null && (fed == null || portal > fed)) {
			return Optional.of(new FiredSignal(ChurnSignal.OPEN_COMPLAINTS, String.valueOf(open), threshold,
					"门户未结投诉 %d 件 / %d complaints open in the portal".formatted(open, open)));
		}
		return Optional.of(new FiredSignal(ChurnSignal.OPEN_COMPLAINTS, String.valueOf(open), threshold,
				"%s 末未结投诉 %d 件 / %d open complaints at the end of %s".formatted(latest, open, open, latest)));
	}

	public Optional<FiredSignal> overdueLoans(ChurnInputs inputs) {
		Integer overdue = inputs.overdueDays();
		if (overdue == null || overdue <= this.properties.overdueDays()) {
			return Optional.empty();
		}
		return Optional.of(new FiredSignal(ChurnSignal.OVERDUE_LOANS, String.valueOf(overdue),
				String.valueOf(this.properties.overdueDays()),
				"贷款逾期 %d 天 / a loan %d days overdue".formatted(overdue, overdue)));
	}

	public Optional<FiredSignal> lowSatisfaction(ChurnInputs inputs) {
		ChurnInputs.SatisfactionReading reading = inputs.latestSatisfaction();
		if (reading == null) {
			return Optional.empty();
		}
		ChurnProperties.LowSatisfaction rule = this.properties.lowSatisfaction();
		if (reading.respondedOn().isBefore(inputs.asOf().minus(rule.window()))
				|| reading.respondedOn().isAfter(inputs.asOf())) {
			// Too old to speak for the client now (or given after the evaluation date).
			return Optional.empty();
		}
		int atMost = reading.nps() ? rule.npsAtMost() : rule.fivePointAtMost();
		if (reading.score() > atMost) {
			return Optional.empty();
		}
		int max = reading.nps() ? 10 : 5;
		String scale = reading.nps() ? "NPS" : "五分制 / five-point";
		return Optional.of(new FiredSignal(ChurnSignal.LOW_SATISFACTION, reading.score() + "/" + max,
				atMost + "/" + max,
				"%s 满意度 %d/%d（%s），不高于 %d / satisfaction %d/%d on %s (%s), at most %d".formatted(
						reading.respondedOn(), reading.score(), max, scale, atMost, reading.score(), max,
						reading.respondedOn(), scale, atMost)));
	}

	private static Map<YearMonth, MonthFigures> byMonth(ChurnInputs inputs) {
		// A month given twice counts once, the later entry winning.
		return inputs.months()
			.stream()
			.collect(Collectors.toMap(MonthFigures::month, Function.identity(), (first, second) -> second));
	}

	private static @Nullable YearMonth latest(Map<YearMonth, MonthFigures> months) {
		return months.keySet().stream().max(Comparator.naturalOrder()).orElse(null);
	}

	/**
	 * The {@code length} calendar months ending {@code offset} months before {@code latest}; null when one of them
	 * is not on record.
	 */
	private static @Nullable List<MonthFigures> window(Map<YearMonth, MonthFigures> months, YearMonth latest,
			int offset, int length) {
		List<MonthFigures> window = new ArrayList<>();
		for (int i = offset; i < offset + length; i++) {
			MonthFigures figures = months.get(latest.minusMonths(i));
			if (figures == null) {
				return null;
			}
			window.add(figures);
		}
		return window;
	}

	private static BigDecimal sum(List<MonthFigures> months) {
		return months.stream().map(MonthFigures::averageDeposits).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	/** A share as text with at least two decimals: 0.3 reads "0.30". */
	private static String decimal(BigDecimal value) {
		BigDecimal plain = value.stripTrailingZeros();
		return plain.setScale(Math.max(2, plain.scale()), RoundingMode.UNNECESSARY).toPlainString();
	}

}
