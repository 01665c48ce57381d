package com.corpbank.portal.churn;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.corpbank.portal.audit.Actor;
import com.corpbank.portal.security.Caller;
import com.corpbank.portal.security.Role;
import com.corpbank.portal.tier.ValueTierCode;
import org.jspecify.annotations.Nullable;

/** Named churn inputs for the tests: the as-of date, the thresholds of application.yml, month builders. */
public final class ChurnTestData {

	/** The evaluation date of the tests: the demo data runs to 2026-10. */
	static final LocalDate AS_OF = LocalDate.of(2026, 11, 20);

	/** The last complete month before {@link #AS_OF}. */
	static final YearMonth LAST = YearMonth.of(2026, 10);

	/** The defaults of application.yml (the demo data's shape test evaluates with them too). */
	public static final ChurnProperties DEFAULTS = new ChurnProperties(new BigDecimal("0.30"), 1,
			Map.of(ValueTierCode.A, Period.ofMonths(1), ValueTierCode.B, Period.ofMonths(3), ValueTierCode.C,
					Period.ofMonths(6)),
			2, 1, 0);

	/** The re-tiering job's actor, as the lead's job passes it. */
	static final Actor JOB = new Actor(new Caller("job-subject", "admin", "Admin", Set.of(Role.ADMIN), null),
			"retiering-job-1");

	private ChurnTestData() {
	}

	/** A month with deposits and products, nothing else recorded. */
	static MonthFigures month(YearMonth month, String deposits, int products) {
		return new MonthFigures(month, new BigDecimal(deposits), products, null, null, null);
	}

	/**
	 * Months ending with {@link #LAST}, oldest first: one deposit figure and product count per month, the same
	 * contact date and complaints on each.
	 */
	static List<MonthFigures> months(List<String> deposits, List<Integer> products, @Nullable LocalDate lastContact,
			@Nullable Integer openComplaints) {
		List<MonthFigures> months = new ArrayList<>();
		int count = deposits.size();
		for (int i = 0; i < count; i++) {
			YearMonth month = LAST.minusMonths(count - 1 - i);
			months.add(new MonthFigures(month, new BigDecimal(deposits.get(i)), products.get(i), 40, openComplaints,
					lastContact));
		}
		return months;
	}

	/** Six quiet months: flat deposits and products, contact a week before the as-of date, no complaints. */
	static List<MonthFigures> quiet() {
		return months(List.of("1000000.00", "1000000.00", "1000000.00", "1000000.00", "1000000.00", "1000000.00"),
				List.of(5, 5, 5, 5, 5, 5), AS_OF.minusDays(7), 0);
	}

	/**
	 * Six months in which every signal fires: deposits halve, products drop, no contact, complaints; plus overdue and
	 * a detractor's NPS answer a month ago.
	 */
	static ChurnInputs allSignals(String clientId) {
		return new ChurnInputs(clientId, ValueTierCode.A,
				months(List.of("1000000.00", "1000000.00", "1000000.00", "500000.00", "500000.00", "500000.00"),
						List.of(5, 5, 5, 5, 5, 3), LocalDate.of(2026, 3, 2), 2),
				15, AS_OF, null, 1, new ChurnInputs.SatisfactionReading(AS_OF.minusMonths(1), true, 4));
	}

	static ChurnInputs quiet(String clientId) {
		return new ChurnInputs(clientId, ValueTierCode.B, quiet(), 0, AS_OF);
	}

	/** Only OVERDUE_LOANS fires, with these days. */
	static ChurnInputs overdue(String clientId, int days) {
		return new ChurnInputs(clientId, ValueTierCode.B, quiet(), days, AS_OF);
	}

}
