package com.corpbank.portal.seed;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

import com.corpbank.portal.BankTime;
import com.corpbank.portal.client.Client;
import com.corpbank.portal.client.LifecycleStage;
import com.corpbank.portal.financials.FinancialStatement;
import com.corpbank.portal.metrics.RelationshipMetrics;
import com.corpbank.portal.risk.CreditRating;
import com.corpbank.portal.risk.FiveCategory;
import com.corpbank.portal.tax.TaxCreditGrade;
import com.corpbank.portal.tax.TaxRecord;
import com.corpbank.portal.tier.ValueTierCode;
import org.jspecify.annotations.Nullable;

/**
 * The relationship side of one demo client: the onboarding date 建立合作关系日期, {@value #MONTHS} months of relationship
 * figures ({@link #FIRST_MONTH} to {@link #LAST_MONTH}) and the tax years {@link #TAX_YEARS}. Figures follow the
 * client's seeded score and size (an A client keeps large deposits, fees and loans, 5-9 products and frequent
 * transactions; a C client small ones) and its lifecycle stage:
 * <ul>
 * <li>PROSPECT: no products, deposits, loans, fees or transactions in any month;</li>
 * <li>NEW: onboarded within the 12 months before {@link #AS_OF}; months before onboarding are all zero;</li>
 * <li>CHURNED: products earlier, none in the last 8 or more months;</li>
 * <li>DORMANT: products held, no transactions (nor settlement, nor fees) in the last 6 or more months;</li>
 * <li>everyone else: steady figures with a small drift, products not falling in the last four months, a recent
 * contact (the tier's cadence: A monthly, B quarterly, C half-yearly, well within twice of it) and no open complaint
 * in the last months, so that no churn signal fires unless a {@link ChurnSignal} pattern is asked for;</li>
 * <li>a {@link Move} makes the last 12 months clearly better (x2.4) or worse (x0.35) than the 12 before.</li>
 * </ul>
 * Every draw comes from the given {@link Random}, in a fixed order; nothing reads the clock.
 */
final class RelationshipHistory {

	static final YearMonth FIRST_MONTH = YearMonth.of(2024, 11);

	static final YearMonth LAST_MONTH = YearMonth.of(2026, 10);

	static final int MONTHS = 24;

	/** The evaluation date the demo is shaped for (the first batch run's "as of"). */
	static final LocalDate AS_OF = LocalDate.of(2026, 11, 20);

	static final List<Integer> TAX_YEARS = List.of(2023, 2024, 2025);

	/** Who "recorded" seeded figures: the core-banking and tax feeds of the demo. */
	static final String FEED = "demo-seed";

	/** The churn signals a demo client's last months can be shaped to fire (see the churn feature's rules). */
	enum ChurnSignal {

		/** Average deposits of the last 3 months about half of the 3 before. */
		DEPOSITS_FALLING,
		/** Two products fewer in the last two months. */
		FEWER_PRODUCTS,
		/** The latest contact over a year old: older than twice any tier's visit cadence. */
		NO_RECENT_CONTACT,
		/**
		 * A complaint open at the end of the last two months (the feed's figure), open in the portal too
		 * ({@link DemoFeedback}).
		 */
		OPEN_COMPLAINTS,
		/**
		 * The newest survey answer in the window before {@link #AS_OF} scores low (no effect on the figures: the answers
		 * are {@link DemoFeedback}'s).
		 */
		LOW_SATISFACTION

	}

	/** A tier mover: the last 12 months against the 12 before. */
	enum Move {

		UP, DOWN

	}

	/**
	 * One client's relationship documents.
	 *
	 * @param contactDays the days of the client's RM contacts, oldest first: each month's {@code lastContactOn} is the
	 * latest of them up to the month's end ({@link RelationshipWork} records them as interactions)
	 */
	record Result(LocalDate onboardedOn, List<RelationshipMetrics> months, List<TaxRecord> taxRecords,
			List<LocalDate> contactDays) {

		Result {
			contactDays = List.copyOf(contactDays);
		}

	}

	private RelationshipHistory() {
	}

	static Result of(Random random, Client client, List<FinancialStatement> statements, Set<ChurnSignal> churn,
			@Nullable Move move) {
		FinancialStatement latest = statements.get(statements.size() - 1);
		double s = (client.valueTier() != null) ? client.valueTier().score().doubleValue() / 100 : 0.3;
		ValueTierCode tier = (client.valueTier() != null) ? client.valueTier().tier() : ValueTierCode.C;
		LifecycleStage stage = client.lifecycleStage();
		double revenue = latest.revenue().doubleValue();

		// Levels of a month in the client's steady state.
		double deposits = revenue * (0.02 + 0.20 * s * s) * (0.8 + 0.4 * random.nextDouble());
		boolean borrows = s >= 0.6 || random.nextDouble() >= 0.25;
		double loans = borrows ? latest.totalLiabilities().doubleValue() * (0.05 + 0.30 * s)
				* (0.5 + 0.7 * random.nextDouble()) : 0;
		double settlement = revenue / 12 * (0.1 + 0.6 * s) * (0.8 + 0.4 * random.nextDouble());
		double fees = revenue / 12 * (0.0002 + 0.0015 * s * s) * (0.8 + 0.4 * random.nextDouble());
		int products = clamp((int) Math.round(1 + 8 * StrictMath.pow(s, 1.5)) + random.nextInt(3) - 1, 1, 9);
		double transactions = (10 + 2000 * s * s * s) * (0.7 + 0.6 * random.nextDouble());
		double drift = clampDouble(random.nextGaussian() * 0.004, -0.01, 0.01);
		// A product taken up some time before the last four months, for some.
		int productStep = (random.nextDouble() < 0.3) ? 3 + random.nextInt(15) : MONTHS;

		LocalDate onboardedOn = onboardedOn(random, client, tier);
		int start = (stage == LifecycleStage.NEW)
				? Math.max(0, (int) FIRST_MONTH.until(YearMonth.from(onboardedOn), java.time.temporal.ChronoUnit.MONTHS))
				: 0;
		int churnedFrom = (stage == LifecycleStage.CHURNED) ? 6 + random.nextInt(11) : MONTHS;
		int dormantFrom = (stage == LifecycleStage.DORMANT) ? 10 + random.nextInt(8) : MONTHS;
		List<LocalDate> contacts = contacts(random, tier, churn.contains(ChurnSignal.NO_RECENT_CONTACT));
		int complaintFrom = (random.nextDouble() < 0.05) ? 2 + random.nextInt(15) : MONTHS;
		int complaintMonths = 1 + random.nextInt(2);

		List<RelationshipMetrics> months = new ArrayList<>(MONTHS);
		for (int m = 0; m < MONTHS; m++) {
			YearMonth month = FIRST_MONTH.plusMonths(m);
			double level = StrictMath.exp(drift * m) * moveFactor(move, m);
			int held = products + ((m >= productStep) ? 1 : 0) + moveProducts(move, m);
			double activity = 1;
			if (churnedFrom < MONTHS && m >= churnedFrom - 4) {
				// Winding down over four months, then nothing.
				activity = (m >= churnedFrom) ? 0 : 0.2 * (churnedFrom - m);
				held = (m >= churnedFrom) ? 0 : Math.max(1, held * (churnedFrom - m) / 5);
			}
			if (m < churnedFrom) {
				held = clamp(held, 1, 9);
			}
			double noise = 1 + clampDouble(random.nextGaussian() * 0.06, -0.15, 0.15);
			double dep = deposits * level * activity * noise;
			double loan = loans * level * activity * (1 + clampDouble(random.nextGaussian() * 0.02, -0.05, 0.05));
			double settled = settlement * level * activity * (1 + clampDouble(random.nextGaussian() * 0.1, -0.3, 0.3));
			double fee = fees * level * activity * (1 + clampDouble(random.nextGaussian() * 0.15, -0.4, 0.4));
			double count = transactions * ((move == Move.UP && m >= 12) ? 2 : (move == Move.DOWN && m >= 12) ? 0.4 : 1)
					* activity * (1 + clampDouble(random.nextGaussian() * 0.1, -0.3, 0.3));
			if (m >= dormantFrom) {
				// Dormant: the balance sits, nothing moves.
				dep = deposits * 0.3 * (1 + clampDouble(random.nextGaussian() * 0.02, -0.04, 0.04));
				settled = 0;
				fee = 0;
				count = 0;
			}
			if (churn.contains(ChurnSignal.DEPOSITS_FALLING) && m >= MONTHS - 3) {
				double[] falling = { 0.55, 0.45, 0.40 };
				dep = dep * falling[m - (MONTHS - 3)];
				settled = settled * 0.6;
			}
			if (churn.contains(ChurnSignal.FEWER_PRODUCTS) && m >= MONTHS - 2) {
				held = Math.max(0, held - 2);
			}
			int complaints = (m >= complaintFrom && m < complaintFrom + complaintMonths) ? 1 : 0;
			if (churn.contains(ChurnSignal.OPEN_COMPLAINTS) && m >= MONTHS - 2) {
				complaints = (m == MONTHS - 1) ? 1 + random.nextInt(2) : 1;
			}
			boolean active = stage != LifecycleStage.PROSPECT && m >= start;
			if (!active) {
				dep = 0;
				loan = 0;
				settled = 0;
				fee = 0;
				count = 0;
				held = 0;
			}
			Instant monthStart = month.atDay(1).atStartOfDay(BankTime.ZONE).toInstant();
			Instant recordedAt = month.plusMonths(1).atDay(1).atTime(LocalTime.of(9, 0)).atZone(BankTime.ZONE).toInstant();
			months.add(new RelationshipMetrics(RelationshipMetrics.idOf(client.id(), month.toString()), client.id(),
					month.toString(), monthStart, yuan(dep), yuan(loan), yuan(settled), held, yuan(fee),
					(int) Math.max(0, Math.round(count)), complaints, lastContact(contacts, month.atEndOfMonth()),
					recordedAt, FEED, null));
		}
		return new Result(onboardedOn, List.copyOf(months), taxRecords(random, client, statements), contacts);
	}

	/**
	 * NEW clients within the 12 months before {@link #AS_OF} (at least two months of figures); prospects recorded
	 * 13-36 months before; the others before the first month of figures (so every month on file is a month of the
	 * relationship), not before they were founded (A clients tend to be older relationships).
	 */
	private static LocalDate onboardedOn(Random random, Client client, ValueTierCode tier) {
		double roll = random.nextDouble();
		return switch (client.lifecycleStage()) {
			case NEW -> between(LocalDate.of(2025, 11, 21), LocalDate.of(2026, 8, 31), roll);
			case PROSPECT -> between(AS_OF.minusMonths(36), AS_OF.minusMonths(13), roll);
			default -> {
				LocalDate founded = (client.foundedOn() != null) ? client.foundedOn() : LocalDate.of(2000, 1, 1);
				LocalDate from = founded.plusDays(30).isAfter(LocalDate.of(2003, 1, 1)) ? founded.plusDays(30)
						: LocalDate.of(2003, 1, 1);
				// Before the first month of figures: every month on file is a month of the relationship.
				LocalDate to = switch (client.lifecycleStage()) {
					case CHURNED, DORMANT -> LocalDate.of(2024, 6, 30);
					default -> FIRST_MONTH.atDay(1).minusDays(1);
				};
				double skew = (tier == ValueTierCode.A) ? StrictMath.pow(roll, 1.6) : roll;
				yield between(from, to, skew);
			}
		};
	}

	/**
	 * The client's RM contacts, oldest first, at gaps of the tier's cadence (A monthly, B quarterly, C
	 * half-yearly), ending with a recent one, or when {@code stale} with one over a year before {@link #AS_OF}.
	 */
	private static List<LocalDate> contacts(Random random, ValueTierCode tier, boolean stale) {
		int[] gap = switch (tier) {
			case A -> new int[] { 10, 35 };
			case B -> new int[] { 25, 80 };
			case C -> new int[] { 45, 150 };
		};
		LocalDate monthEnd = LAST_MONTH.atEndOfMonth();
		LocalDate last;
		if (stale) {
			// Older than twice the longest cadence (C, half-yearly) before AS_OF, so the silence shows whichever tier
			// the client is evaluated at.
			last = AS_OF.minusMonths(12).minusDays(20 + random.nextInt(40));
		}
		else {
			last = monthEnd.minusDays(random.nextInt(switch (tier) {
				case A -> 21;
				case B -> 31;
				case C -> 41;
			}));
		}
		List<LocalDate> contacts = new ArrayList<>();
		for (LocalDate day = last; !day.isBefore(FIRST_MONTH.atDay(1).minusMonths(6)); day = day
			.minusDays(gap[0] + random.nextInt(gap[1] - gap[0] + 1))) {
			contacts.add(day);
		}
		Collections.reverse(contacts);
		return contacts;
	}

	private static @Nullable LocalDate lastContact(List<LocalDate> contacts, LocalDate asOf) {
		LocalDate found = null;
		for (LocalDate contact : contacts) {
			if (contact.isAfter(asOf)) {
				break;
			}
			found = contact;
		}
		return found;
	}

	private static double moveFactor(@Nullable Move move, int m) {
		if (move == null || m < 12) {
			return 1;
		}
		int into = m - 12;
		return (move == Move.UP) ? ((into == 0) ? 1.5 : (into == 1) ? 2.0 : 2.4)
				: ((into == 0) ? 0.7 : (into == 1) ? 0.5 : 0.35);
	}

	private static int moveProducts(@Nullable Move move, int m) {
		if (move == null || m < 12) {
			return 0;
		}
		return (move == Move.UP) ? 2 : -2;
	}

	/**
	 * Tax paid as filed: the statement's tax charge of the year within 1-4% of revenue, as the bureau's figure; the
	 * credit grade follows the credit rating (mostly A/B, some M/C), the one client written off (LOSS) is graded D.
	 */
	private static List<TaxRecord> taxRecords(Random random, Client client, List<FinancialStatement> statements) {
		CreditRating rating = (client.risk() != null) ? client.risk().rating() : CreditRating.BBB;
		boolean writtenOff = client.risk() != null && client.risk().fiveCategory() == FiveCategory.LOSS;
		TaxCreditGrade latestGrade = writtenOff ? TaxCreditGrade.D : grade(random, rating);
		List<TaxRecord> records = new ArrayList<>();
		for (int i = 0; i < TAX_YEARS.size(); i++) {
			int year = TAX_YEARS.get(i);
			FinancialStatement statement = statements.stream()
				.filter(candidate -> candidate.period().equals(String.valueOf(year)))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("no statement " + year + " of " + client.id()));
			double revenue = statement.revenue().doubleValue();
			double charged = (statement.taxPaid() != null) ? statement.taxPaid().doubleValue() : revenue * 0.02;
			double paid = clampDouble(charged * (0.92 + 0.08 * random.nextDouble()), revenue * 0.01, revenue * 0.04);
			boolean latestYear = i == TAX_YEARS.size() - 1;
			TaxCreditGrade grade = latestYear ? latestGrade : earlierGrade(random, latestGrade, writtenOff, i);
			Instant recordedAt = LocalDate.of(year + 1, 6, 30).atTime(10, 0).atZone(BankTime.ZONE).toInstant();
			records.add(new TaxRecord(TaxRecord.idOf(client.id(), year), client.id(), year, yuan(paid), grade,
					recordedAt, FEED, null));
		}
		return List.copyOf(records);
	}

	private static TaxCreditGrade grade(Random random, CreditRating rating) {
		double roll = random.nextDouble();
		return switch (rating) {
			case AAA, AA, A -> (roll < 0.85) ? TaxCreditGrade.A : TaxCreditGrade.B;
			case BBB -> (roll < 0.45) ? TaxCreditGrade.A : (roll < 0.97) ? TaxCreditGrade.B : TaxCreditGrade.M;
			case BB, B -> (roll < 0.15) ? TaxCreditGrade.A
					: (roll < 0.8) ? TaxCreditGrade.B : (roll < 0.88) ? TaxCreditGrade.M : TaxCreditGrade.C;
			case CCC, CC, C -> (roll < 0.4) ? TaxCreditGrade.B : (roll < 0.55) ? TaxCreditGrade.M : TaxCreditGrade.C;
			case D -> TaxCreditGrade.C;
		};
	}

	/** Earlier years mostly graded as the latest; a written-off client slid from B (2023) through C (2024). */
	private static TaxCreditGrade earlierGrade(Random random, TaxCreditGrade latest, boolean writtenOff, int index) {
		double roll = random.nextDouble();
		if (writtenOff) {
			return (index == 0) ? TaxCreditGrade.B : TaxCreditGrade.C;
		}
		if (roll < 0.8) {
			return latest;
		}
		return switch (latest) {
			case A -> TaxCreditGrade.B;
			case B -> (roll < 0.9) ? TaxCreditGrade.A : TaxCreditGrade.C;
			case M, C, D -> TaxCreditGrade.B;
		};
	}

	private static LocalDate between(LocalDate from, LocalDate to, double share) {
		long days = to.toEpochDay() - from.toEpochDay();
		return (days <= 0) ? from : from.plusDays(Math.round(days * share));
	}

	private static int clamp(int value, int min, int max) {
		return Math.max(min, Math.min(max, value));
	}

	private static double clampDouble(double value, double min, double max) {
		return Math.max(min, Math.min(max, value));
	}

	/** Yuan with two decimals; rounding a double once, at the edge, keeps every stored amount exact. */
	private static BigDecimal yuan(double amount) {
		return BigDecimal.valueOf(Math.round(Math.max(0, amount) * 100), 2);
	}

}
