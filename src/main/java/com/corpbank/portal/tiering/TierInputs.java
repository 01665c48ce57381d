package com.corpbank.portal.tiering;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.corpbank.portal.tier.ClvParameters;
import com.corpbank.portal.tier.InputValue;
import com.corpbank.portal.tier.LifetimeValue;
import com.corpbank.portal.tier.ScoringInput;
import com.corpbank.portal.tiering.ClientData.Month;
import com.corpbank.portal.tiering.ClientData.Statement;
import com.corpbank.portal.tiering.ClientData.Tax;
import org.jspecify.annotations.Nullable;

/**
 * The raw inputs of one client, as {@link ScoringInput} defines them. An input the client has no data for is left
 * out (the factor then counts as missing). "Over 12 months" reads the months on record among the twelve ending with
 * the last complete month before the evaluation date.
 */
final class TierInputs {

	private TierInputs() {
	}

	/** The raw inputs and how recent they were. */
	record Read(Map<ScoringInput, InputValue> values, InputsAsOf asOf) {
	}

	static Read of(ClientData client, ClvParameters clv, LocalDate asOf,
			Function<String, @Nullable BigDecimal> industryOutlookPoints) {
		Map<ScoringInput, InputValue> values = new EnumMap<>(ScoringInput.class);
		Statement latest = last(client.annualStatements());
		if (latest != null) {
			values.put(ScoringInput.REVENUE, InputValue.of(latest.revenue()));
			values.put(ScoringInput.TOTAL_ASSETS, InputValue.of(latest.totalAssets()));
			values.put(ScoringInput.EMPLOYEES, InputValue.of(BigDecimal.valueOf(latest.employees())));
			growth(client.annualStatements()).ifPresent(growth -> values.put(ScoringInput.REVENUE_GROWTH, growth));
		}
		else if (client.employees() != null) {
			values.put(ScoringInput.EMPLOYEES, InputValue.of(BigDecimal.valueOf(client.employees())));
		}
		if (client.onboardedOn() != null && !client.onboardedOn().isAfter(asOf)) {
			values.put(ScoringInput.YEARS_WITH_BANK,
					InputValue.of(BigDecimal.valueOf(Period.between(client.onboardedOn(), asOf).getYears())));
		}
		YearMonth lastComplete = YearMonth.from(asOf).minusMonths(1);
		List<Month> year = client.months().stream().filter(month -> month.month().isAfter(lastComplete.minusMonths(12)))
			.toList();
		Month latestMonth = last(client.months());
		if (!year.isEmpty()) {
			BigDecimal months = BigDecimal.valueOf(year.size());
			BigDecimal fees = sum(year, Month::feeIncome);
			BigDecimal deposits = sum(year, Month::averageDeposits).divide(months, 2, RoundingMode.HALF_UP);
			values.put(ScoringInput.FEE_INCOME, InputValue.of(fees));
			values.put(ScoringInput.AVERAGE_DEPOSITS, InputValue.of(deposits));
			values.put(ScoringInput.SETTLEMENT_VOLUME, InputValue.of(sum(year, Month::settlementVolume)));
			values.put(ScoringInput.ACTIVE_MONTHS, InputValue.of(BigDecimal.valueOf(year.stream().filter(Month::active).count())));
			List<Integer> counts = year.stream().map(Month::transactionCount).filter(count -> count != null).toList();
			if (!counts.isEmpty()) {
				values.put(ScoringInput.TRANSACTION_FREQUENCY,
						InputValue.of(BigDecimal.valueOf(counts.stream().mapToLong(Integer::longValue).sum())
							.divide(BigDecimal.valueOf(counts.size()), 2, RoundingMode.HALF_UP)));
			}
			BigDecimal loans = latestMonth.loanBalance();
			values.put(ScoringInput.LIFETIME_VALUE, InputValue.of(
					LifetimeValue.estimate(clv, LifetimeValue.yearlyContribution(clv, fees, deposits, loans))));
		}
		if (latestMonth != null) {
			values.put(ScoringInput.PRODUCTS_HELD, InputValue.of(BigDecimal.valueOf(latestMonth.productsHeld())));
			values.put(ScoringInput.LOAN_BALANCE, InputValue.of(latestMonth.loanBalance()));
			values.put(ScoringInput.RECENCY_MONTHS, InputValue.of(BigDecimal.valueOf(recency(client.months(), lastComplete))));
		}
		if (client.industrySection() != null) {
			BigDecimal outlook = industryOutlookPoints.apply(client.industrySection());
			if (outlook != null) {
				values.put(ScoringInput.INDUSTRY_OUTLOOK, InputValue.of(outlook));
			}
		}
		Tax tax = last(client.taxRecords());
		if (tax != null) {
			values.put(ScoringInput.TAX_PAID, InputValue.of(tax.taxPaid()));
			values.put(ScoringInput.TAX_CREDIT_GRADE, InputValue.of(tax.creditGrade()));
		}
		if (client.risk() != null) {
			values.put(ScoringInput.CREDIT_RATING, InputValue.of(client.risk().rating()));
			values.put(ScoringInput.FIVE_CATEGORY, InputValue.of(client.risk().fiveCategory()));
		}
		InputsAsOf inputsAsOf = new InputsAsOf((latest != null) ? latest.period() : null,
				(latestMonth != null) ? latestMonth.month().toString() : null, (tax != null) ? tax.year() : null,
				(client.risk() != null) ? client.risk().ratedOn() : null);
		return new Read(values, inputsAsOf);
	}

	/** Year-on-year growth of the latest annual revenue over the one before, when that was positive. */
	private static Optional<InputValue> growth(List<Statement> statements) {
		if (statements.size() < 2) {
			return Optional.empty();
		}
		BigDecimal previous = statements.get(statements.size() - 2).revenue();
		BigDecimal latest = statements.get(statements.size() - 1).revenue();
		if (previous.signum() <= 0) {
			return Optional.empty();
		}
		return Optional.of(InputValue.of(latest.subtract(previous).divide(previous, 4, RoundingMode.HALF_UP)));
	}

	/** Whole months from the latest active month to the last complete one; 24 when none of the months was active. */
	private static long recency(List<Month> months, YearMonth lastComplete) {
		for (int i = months.size() - 1; i >= 0; i--) {
			if (months.get(i).active()) {
				return ChronoUnit.MONTHS.between(months.get(i).month(), lastComplete);
			}
		}
		return 24;
	}

	private static BigDecimal sum(List<Month> months, Function<Month, BigDecimal> figure) {
		return months.stream().map(figure).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	private static <T> @Nullable T last(List<T> list) {
		return list.isEmpty() ? null : list.get(list.size() - 1);
	}

}
