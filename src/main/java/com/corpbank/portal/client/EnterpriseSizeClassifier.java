package com.corpbank.portal.client;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Enterprise size 企业规模 by the 《中小企业划型标准规定》 (2011), with industries mapped from GB/T 4754-2017
 * divisions as in the NBS 2017 rules (see shared/domain.md).
 *
 * <p>Large, medium and small each need every bound of their row; a client that misses one bound falls through
 * to the next row, and one that misses the small row is micro.
 */
@Component
public class EnterpriseSizeClassifier {

	private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

	/**
	 * The table's industry categories, each with its large, medium and small lower bounds. Employees X in persons,
	 * revenue Y and total assets Z in 万元; {@code null} where the row has no such criterion.
	 */
	public enum Category {

		// @formatter:off
		//                          large: X,   Y,      Z        medium: X, Y,    Z       small: X, Y,  Z
		AGRICULTURE(             b(null, 20000, null),    b(null, 500, null),   b(null, 50, null)),
		INDUSTRY(                b(1000, 40000, null),    b(300, 2000, null),   b(20, 300, null)),
		CONSTRUCTION(            b(null, 80000, 80000),   b(null, 6000, 5000),  b(null, 300, 300)),
		WHOLESALE(               b(200, 40000, null),     b(20, 5000, null),    b(5, 1000, null)),
		RETAIL(                  b(300, 20000, null),     b(50, 500, null),     b(10, 100, null)),
		TRANSPORT(               b(1000, 30000, null),    b(300, 3000, null),   b(20, 200, null)),
		WAREHOUSING(             b(200, 30000, null),     b(100, 1000, null),   b(20, 100, null)),
		POSTAL(                  b(1000, 30000, null),    b(300, 2000, null),   b(20, 100, null)),
		ACCOMMODATION_CATERING(  b(300, 10000, null),     b(100, 2000, null),   b(10, 100, null)),
		TELECOM_INTERNET(        b(2000, 100000, null),   b(100, 1000, null),   b(10, 100, null)),
		SOFTWARE_IT(             b(300, 10000, null),     b(100, 1000, null),   b(10, 50, null)),
		REAL_ESTATE_DEVELOPMENT( b(null, 200000, 10000),  b(null, 1000, 5000),  b(null, 100, 2000)),
		/** Class 7020 物业管理: not reachable from a division code alone, for callers that know the class. */
		PROPERTY_MANAGEMENT(     b(1000, 5000, null),     b(300, 1000, null),   b(100, 500, null)),
		LEASING_BUSINESS(        b(300, null, 120000),    b(100, null, 8000),   b(10, null, 100)),
		OTHER(                   b(300, null, null),      b(100, null, null),   b(10, null, null));
		// @formatter:on

		private final List<Bounds> rows;

		Category(Bounds large, Bounds medium, Bounds small) {
			this.rows = List.of(large, medium, small);
		}

		/** The large, medium and small rows, in that order. */
		public List<Bounds> rows() {
			return this.rows;
		}

	}

	/** One row's lower bounds; a {@code null} bound is no criterion. Money in 万元. */
	public record Bounds(@Nullable Integer employees, @Nullable BigDecimal revenue, @Nullable BigDecimal totalAssets) {

		boolean metBy(int employees, BigDecimal revenue, BigDecimal totalAssets) {
			return (this.employees == null || employees >= this.employees)
					&& (this.revenue == null || revenue.compareTo(this.revenue) >= 0)
					&& (this.totalAssets == null || totalAssets.compareTo(this.totalAssets) >= 0);
		}

		/** The row in the table's words: every bound must hold, e.g. "X>=300 & Y>=2000". */
		public String met() {
			return String.join(" & ", terms(">="));
		}

		/** Missing the row: any one bound fails, e.g. "X<20 or Y<300" (how the table words micro). */
		public String missed() {
			return String.join(" or ", terms("<"));
		}

		private List<String> terms(String operator) {
			List<String> terms = new ArrayList<>();
			if (this.employees != null) {
				terms.add("X" + operator + this.employees);
			}
			if (this.revenue != null) {
				terms.add("Y" + operator + this.revenue.toPlainString());
			}
			if (this.totalAssets != null) {
				terms.add("Z" + operator + this.totalAssets.toPlainString());
			}
			return terms;
		}

	}

	/**
	 * A size with what decided it.
	 *
	 * @param category the table's industry category the client falls in
	 * @param rule the row that matched in the table's words, e.g. "medium: X>=300 & Y>=2000" or, for micro,
	 * "micro: X<20 or Y<300" (the small row missed)
	 */
	public record Decision(EnterpriseSize size, Category category, String rule) {
	}

	private static final List<EnterpriseSize> ROW_SIZES = List.of(EnterpriseSize.LARGE, EnterpriseSize.MEDIUM,
			EnterpriseSize.SMALL);

	/**
	 * @param industry the client's GB/T 4754-2017 industry (only the division code is read)
	 * @param employees 从业人员 X
	 * @param revenueYuan 营业收入 in yuan
	 * @param totalAssetsYuan 资产总额 in yuan
	 */
	public EnterpriseSize classify(Industry industry, int employees, BigDecimal revenueYuan,
			BigDecimal totalAssetsYuan) {
		return decide(industry, employees, revenueYuan, totalAssetsYuan).size();
	}

	/** As {@link #classify(Industry, int, BigDecimal, BigDecimal)} for a known category. */
	public EnterpriseSize classify(Category category, int employees, BigDecimal revenueYuan,
			BigDecimal totalAssetsYuan) {
		return decide(category, employees, revenueYuan, totalAssetsYuan).size();
	}

	/** The size, the category and the rule that decided it (what {@code Client.sizeBasis} shows). */
	public Decision decide(Industry industry, int employees, BigDecimal revenueYuan, BigDecimal totalAssetsYuan) {
		return decide(categoryOf(industry), employees, revenueYuan, totalAssetsYuan);
	}

	/** As {@link #decide(Industry, int, BigDecimal, BigDecimal)} for a known category. */
	public Decision decide(Category category, int employees, BigDecimal revenueYuan, BigDecimal totalAssetsYuan) {
		// The table is in 万元; dividing by 10^4 is exact in BigDecimal, so bounds compare without rounding.
		BigDecimal revenue = Objects.requireNonNull(revenueYuan, "revenueYuan").divide(TEN_THOUSAND);
		BigDecimal totalAssets = Objects.requireNonNull(totalAssetsYuan, "totalAssetsYuan").divide(TEN_THOUSAND);
		for (int i = 0; i < ROW_SIZES.size(); i++) {
			Bounds row = category.rows().get(i);
			if (row.metBy(employees, revenue, totalAssets)) {
				EnterpriseSize size = ROW_SIZES.get(i);
				return new Decision(size, category, label(size) + ": " + row.met());
			}
		}
		Bounds small = category.rows().get(ROW_SIZES.size() - 1);
		return new Decision(EnterpriseSize.MICRO, category, label(EnterpriseSize.MICRO) + ": " + small.missed());
	}

	private static String label(EnterpriseSize size) {
		return size.name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The table category of a GB/T 4754-2017 division: B-D industry, E construction, 51 wholesale, 52 retail,
	 * 53-58 transport, 59 warehousing, 60 postal, H accommodation and catering, 63-64 telecom and internet,
	 * 65 software and IT, K real estate development (property management needs the class code), L leasing and
	 * business services, A agriculture, everything else other.
	 * @throws IllegalArgumentException if the division code is not 01..97
	 */
	public static Category categoryOf(Industry industry) {
		String code = industry.code();
		int division = (code != null && code.matches("\\d{2}")) ? Integer.parseInt(code) : -1;
		if (division < 1 || division > 97) {
			throw new IllegalArgumentException("not a GB/T 4754-2017 division: " + code);
		}
		if (division <= 5) {
			return Category.AGRICULTURE;
		}
		if (division <= 46) {
			return Category.INDUSTRY;
		}
		if (division <= 50) {
			return Category.CONSTRUCTION;
		}
		return switch (division) {
			case 51 -> Category.WHOLESALE;
			case 52 -> Category.RETAIL;
			case 53, 54, 55, 56, 57, 58 -> Category.TRANSPORT;
			case 59 -> Category.WAREHOUSING;
			case 60 -> Category.POSTAL;
			case 61, 62 -> Category.ACCOMMODATION_CATERING;
			case 63, 64 -> Category.TELECOM_INTERNET;
			case 65 -> Category.SOFTWARE_IT;
			case 70 -> Category.REAL_ESTATE_DEVELOPMENT;
			case 71, 72 -> Category.LEASING_BUSINESS;
			default -> Category.OTHER;
		};
	}

	private static Bounds b(@Nullable Integer employees, @Nullable Integer revenue, @Nullable Integer totalAssets) {
		return new Bounds(employees, (revenue != null) ? BigDecimal.valueOf(revenue) : null,
				(totalAssets != null) ? BigDecimal.valueOf(totalAssets) : null);
	}

}
