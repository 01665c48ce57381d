package com.corpbank.portal.portfolio;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * The portfolio tests' two sides of a comparison: the answer's figures by group key, amounts normalised, and the
 * expected figures summed from rows in BigDecimal, grouped and ordered as the answer orders its groups.
 */
final class ExpectedPortfolio {

	private static final List<String> MONEY = List.of("revenue", "averageDeposits", "loanBalance", "feeIncome");

	private ExpectedPortfolio() {
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> figures(Object figures) {
		return (Map<String, Object>) figures;
	}

	/** The answer's groups by key, in the answer's order, with amounts as BigDecimal text normalised to scale 2. */
	@SuppressWarnings("unchecked")
	static Map<String, Map<String, Object>> figuresByKey(Map<String, Object> portfolio) {
		Map<String, Map<String, Object>> byKey = new LinkedHashMap<>();
		for (Map<String, Object> group : (List<Map<String, Object>>) portfolio.get("groups")) {
			byKey.put(String.valueOf(group.get("key")), normalised(figures(group.get("figures"))));
		}
		return byKey;
	}

	static Map<String, Object> normalised(Map<String, Object> figures) {
		Map<String, Object> copy = new HashMap<>(figures);
		for (String money : MONEY) {
			copy.put(money, new BigDecimal((String) figures.get(money)).setScale(2).toPlainString());
		}
		return copy;
	}

	/** Expected groups from the rows, in key order with the null key last, as the answer orders them. */
	static Map<String, Map<String, Object>> expectedByKey(List<Map<String, Object>> rows,
			Function<Map<String, Object>, @Nullable Object> key,
			Function<List<Map<String, Object>>, Map<String, Object>> sums) {
		Map<String, List<Map<String, Object>>> grouped = new HashMap<>();
		for (Map<String, Object> row : rows) {
			grouped.computeIfAbsent(String.valueOf(key.apply(row)), ignored -> new ArrayList<>()).add(row);
		}
		Map<String, Map<String, Object>> expected = new LinkedHashMap<>();
		grouped.keySet()
			.stream()
			.sorted((a, b) -> a.equals("null") ? 1 : b.equals("null") ? -1 : a.compareTo(b))
			.forEach(group -> expected.put(group, sums.apply(grouped.get(group))));
		return expected;
	}

	/** Counts and BigDecimal sums of a group's rows, as the answer's figures read. */
	static final class Totals {

		private BigDecimal revenue = BigDecimal.ZERO.setScale(2);

		private BigDecimal deposits = BigDecimal.ZERO.setScale(2);

		private BigDecimal loans = BigDecimal.ZERO.setScale(2);

		private BigDecimal fees = BigDecimal.ZERO.setScale(2);

		private int withRevenue;

		private int withMetrics;

		private @Nullable String oldest;

		private @Nullable String newest;

		void addRevenue(BigDecimal amount) {
			this.revenue = this.revenue.add(amount);
			this.withRevenue++;
		}

		void addMonth(String month, BigDecimal averageDeposits, BigDecimal loanBalance, BigDecimal feeIncome) {
			this.deposits = this.deposits.add(averageDeposits);
			this.loans = this.loans.add(loanBalance);
			this.fees = this.fees.add(feeIncome);
			this.withMetrics++;
			this.oldest = (this.oldest == null || month.compareTo(this.oldest) < 0) ? month : this.oldest;
			this.newest = (this.newest == null || month.compareTo(this.newest) > 0) ? month : this.newest;
		}

		Map<String, Object> figures(int clientCount) {
			Map<String, Object> expected = new HashMap<>();
			expected.put("clientCount", clientCount);
			expected.put("revenue", this.revenue.setScale(2).toPlainString());
			expected.put("clientsWithRevenue", this.withRevenue);
			expected.put("averageDeposits", this.deposits.setScale(2).toPlainString());
			expected.put("loanBalance", this.loans.setScale(2).toPlainString());
			expected.put("feeIncome", this.fees.setScale(2).toPlainString());
			expected.put("clientsWithMetrics", this.withMetrics);
			expected.put("oldestMetricsMonth", this.oldest);
			expected.put("newestMetricsMonth", this.newest);
			return expected;
		}

	}

}
