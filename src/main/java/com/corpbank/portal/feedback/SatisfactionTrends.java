package com.corpbank.portal.feedback;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.corpbank.portal.graphql.InvalidArgumentException;
import org.jspecify.annotations.Nullable;

/**
 * The arithmetic of satisfaction trends, from what the store sums. The store groups the answers by month, scale and
 * NPS band and sums counts and scores ({@code $group}); this class adds months up into quarters and divides. The
 * division is done here, in BigDecimal, because the store's {@code $avg} answers a binary double: averages are
 * exact sums over exact counts, rounded half up to {@value #AVERAGE_SCALE} decimals, and the NPS score to
 * {@value #NPS_SCALE}.
 */
public final class SatisfactionTrends {

	/** Decimals of an average score. */
	public static final int AVERAGE_SCALE = 2;

	/** Decimals of an NPS score. */
	public static final int NPS_SCALE = 1;

	/** The most periods one trend covers. */
	public static final int MAX_PERIODS = 36;

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private SatisfactionTrends() {
	}

	/**
	 * One group of the store's {@code $group}: the answers of one month on one scale (and, for NPS, in one band).
	 *
	 * @param month "2026-11"
	 * @param band null for the five-point scale
	 * @param total the sum of the scores
	 */
	public record Sums(String month, SurveyScale scale, @Nullable NpsBand band, long responses, long total) {
	}

	/** A period of a trend: its label and first and last day. */
	public record Period(String label, LocalDate startsOn, LocalDate endsOn) {

		boolean contains(YearMonth month) {
			return !month.atDay(1).isBefore(this.startsOn) && !month.atEndOfMonth().isAfter(this.endsOn);
		}

	}

	/** The {@code count} periods ending with the one that holds {@code today}, oldest first. */
	public static List<Period> lastPeriods(TrendGranularity granularity, int count, LocalDate today) {
		if (count < 1 || count > MAX_PERIODS) {
			throw new InvalidArgumentException("periods", "periods must be between 1 and " + MAX_PERIODS + ".");
		}
		Period current = periodOf(granularity, YearMonth.from(today));
		int monthsEach = (granularity == TrendGranularity.MONTH) ? 1 : 3;
		YearMonth first = YearMonth.from(current.startsOn()).minusMonths((long) (count - 1) * monthsEach);
		return periodsBetween(granularity, first.atDay(1), current.endsOn());
	}

	/**
	 * The periods from the one holding {@code from} to the one holding {@code to}, oldest first.
	 * @throws InvalidArgumentException when {@code to} is before {@code from} or the span exceeds
	 * {@value #MAX_PERIODS} periods
	 */
	public static List<Period> periodsBetween(TrendGranularity granularity, LocalDate from, LocalDate to) {
		if (to.isBefore(from)) {
			throw new InvalidArgumentException("to", "to must not be before from.");
		}
		List<Period> periods = new ArrayList<>();
		YearMonth month = YearMonth.from(periodOf(granularity, YearMonth.from(from)).startsOn());
		YearMonth last = YearMonth.from(to);
		while (!month.isAfter(last)) {
			Period period = periodOf(granularity, month);
			periods.add(period);
			if (periods.size() > MAX_PERIODS) {
				throw new InvalidArgumentException("to",
						"A trend covers at most " + MAX_PERIODS + " " + granularity.name().toLowerCase() + "s.");
			}
			month = YearMonth.from(period.endsOn()).plusMonths(1);
		}
		return periods;
	}

	static Period periodOf(TrendGranularity granularity, YearMonth month) {
		if (granularity == TrendGranularity.MONTH) {
			return new Period(month.toString(), month.atDay(1), month.atEndOfMonth());
		}
		int quarter = (month.getMonthValue() - 1) / 3;
		YearMonth first = YearMonth.of(month.getYear(), quarter * 3 + 1);
		return new Period(month.getYear() + "-Q" + (quarter + 1), first.atDay(1), first.plusMonths(2).atEndOfMonth());
	}

	/** One point per period, empty periods included (no responses, no averages). */
	public static List<SatisfactionPoint> points(List<Period> periods, List<Sums> sums) {
		Map<Period, Acc> byPeriod = new LinkedHashMap<>();
		periods.forEach(period -> byPeriod.put(period, new Acc()));
		for (Sums group : sums) {
			YearMonth month = YearMonth.parse(group.month());
			for (Map.Entry<Period, Acc> entry : byPeriod.entrySet()) {
				if (entry.getKey().contains(month)) {
					entry.getValue().add(group);
					break;
				}
			}
		}
		List<SatisfactionPoint> points = new ArrayList<>(periods.size());
		byPeriod.forEach((period, acc) -> points.add(acc.point(period)));
		return points;
	}

	/** The running sums of one period. */
	private static final class Acc {

		long fivePointResponses;

		long fivePointTotal;

		long npsResponses;

		long npsTotal;

		long promoters;

		long detractors;

		void add(Sums group) {
			if (group.scale() == SurveyScale.FIVE_POINT) {
				this.fivePointResponses += group.responses();
				this.fivePointTotal += group.total();
				return;
			}
			this.npsResponses += group.responses();
			this.npsTotal += group.total();
			NpsBand band = group.band();
			if (band == NpsBand.PROMOTER) {
				this.promoters += group.responses();
			}
			else if (band == NpsBand.DETRACTOR) {
				this.detractors += group.responses();
			}
		}

		SatisfactionPoint point(Period period) {
			return new SatisfactionPoint(period.label(), period.startsOn(), period.endsOn(),
					Math.toIntExact(this.fivePointResponses + this.npsResponses),
					Math.toIntExact(this.fivePointResponses), average(this.fivePointTotal, this.fivePointResponses),
					Math.toIntExact(this.npsResponses), average(this.npsTotal, this.npsResponses),
					(this.npsResponses == 0) ? null
							: BigDecimal.valueOf(this.promoters - this.detractors)
								.multiply(HUNDRED)
								.divide(BigDecimal.valueOf(this.npsResponses), NPS_SCALE, RoundingMode.HALF_UP));
		}

		private static @Nullable BigDecimal average(long total, long responses) {
			return (responses == 0) ? null
					: BigDecimal.valueOf(total).divide(BigDecimal.valueOf(responses), AVERAGE_SCALE, RoundingMode.HALF_UP);
		}

	}

}
