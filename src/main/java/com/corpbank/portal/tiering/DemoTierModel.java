package com.corpbank.portal.tiering;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.corpbank.portal.tier.Band;
import com.corpbank.portal.tier.CategoryPoints;
import com.corpbank.portal.tier.ClvParameters;
import com.corpbank.portal.tier.Normalisation;
import com.corpbank.portal.tier.NormalisationMethod;
import com.corpbank.portal.tier.ScoringFactor;
import com.corpbank.portal.tier.ScoringInput;
import com.corpbank.portal.tier.TierModel;
import com.corpbank.portal.tier.TierModelStatus;
import com.corpbank.portal.tier.TierThresholds;

/**
 * The demo bank's first value-tiering model ({@value #VERSION}), seeded as a draft and activated with the demo book.
 * Weights by family: business scale 25%, contribution 25%, cooperation 12%, RFM 10%, potential 10%, tax 6%, risk
 * 6%, lifetime value 6%. Amount-like inputs are ranked against the book (percentiles), so one very large client
 * does not flatten everyone else's score; counts and grades use bands and points tables a credit committee can read.
 */
public final class DemoTierModel {

	public static final String VERSION = "2026.1";

	private DemoTierModel() {
	}

	public static TierModel draft(String createdBy, Instant createdAt) {
		List<ScoringFactor> factors = new ArrayList<>();
		factors.add(factor("revenue_scale", ScoringInput.REVENUE, percentile(), "0.12", "营业收入 vs the book"));
		factors.add(factor("asset_scale", ScoringInput.TOTAL_ASSETS, percentile(), "0.08", "资产总额 vs the book"));
		factors.add(factor("headcount", ScoringInput.EMPLOYEES,
				bands("0", "10", "20", "30", "100", "50", "300", "70", "1000", "90", "3000", "100"), "0.05",
				"员工人数 bands"));
		factors.add(factor("years_with_bank", ScoringInput.YEARS_WITH_BANK,
				bands("0", "20", "1", "40", "3", "60", "5", "80", "10", "100"), "0.04", "合作年限"));
		factors.add(factor("products_held", ScoringInput.PRODUCTS_HELD,
				bands("0", "0", "1", "30", "3", "55", "5", "80", "8", "100"), "0.05", "持有产品数"));
		factors.add(factor("transaction_frequency", ScoringInput.TRANSACTION_FREQUENCY, percentile(), "0.03",
				"交易频率 vs the book"));
		factors.add(factor("fee_income", ScoringInput.FEE_INCOME, percentile(), "0.09", "中间业务收入 (12 months)"));
		factors.add(factor("average_deposits", ScoringInput.AVERAGE_DEPOSITS, percentile(), "0.10", "日均存款 (12 months)"));
		factors.add(factor("loan_balance", ScoringInput.LOAN_BALANCE, percentile(), "0.06", "贷款余额"));
		factors.add(factor("recency", ScoringInput.RECENCY_MONTHS,
				bands("0", "100", "1", "80", "3", "50", "6", "20", "12", "0"), "0.03", "RFM recency: months since the last transaction"));
		factors.add(factor("frequency", ScoringInput.ACTIVE_MONTHS,
				new Normalisation(NormalisationMethod.MIN_MAX, List.of(), null, null, List.of(), List.of(), true,
						BigDecimal.ZERO),
				"0.03", "RFM frequency: active months of 12"));
		factors.add(factor("monetary", ScoringInput.SETTLEMENT_VOLUME, percentile(), "0.04", "RFM monetary: 结算量 (12 months)"));
		factors.add(factor("revenue_growth", ScoringInput.REVENUE_GROWTH,
				bands("-0.2", "10", "-0.05", "30", "0", "50", "0.05", "65", "0.1", "80", "0.2", "100"), "0.06",
				"营业收入增长率 YoY"));
		factors.add(factor("industry_outlook", ScoringInput.INDUSTRY_OUTLOOK,
				bands("0", "0", "20", "20", "40", "40", "60", "60", "80", "80", "100", "100"), "0.04",
				"行业前景 of the GB/T 4754 section"));
		factors.add(factor("tax_paid", ScoringInput.TAX_PAID, percentile(), "0.03", "纳税额 vs the book"));
		factors.add(factor("tax_credit", ScoringInput.TAX_CREDIT_GRADE,
				categories("50", "A", "100", "B", "80", "M", "60", "C", "30", "D", "0"), "0.03", "纳税信用等级"));
		factors.add(factor("credit_rating", ScoringInput.CREDIT_RATING, categories("50", "AAA", "100", "AA", "95",
				"A", "85", "BBB", "70", "BB", "55", "B", "40", "CCC", "25", "CC", "15", "C", "5", "D", "0"), "0.04",
				"内部评级 risk adjustment"));
		factors.add(factor("five_category", ScoringInput.FIVE_CATEGORY, categories("50", "NORMAL", "100",
				"SPECIAL_MENTION", "60", "SUBSTANDARD", "20", "DOUBTFUL", "5", "LOSS", "0"), "0.02",
				"五级分类 risk adjustment"));
		factors.add(factor("lifetime_value", ScoringInput.LIFETIME_VALUE, percentile(), "0.06",
				"客户终身价值 vs the book"));
		return new TierModel(VERSION, "Demo model: scale, contribution, cooperation, RFM, potential, tax, risk, CLV",
				TierModelStatus.DRAFT, LocalDate.of(2026, 11, 1), factors,
				new TierThresholds(new BigDecimal("80"), new BigDecimal("45")),
				new ClvParameters(5, new BigDecimal("0.85"), new BigDecimal("0.08"), new BigDecimal("0.015"),
						new BigDecimal("0.02")),
				createdBy, createdAt, null, null, 0L);
	}

	private static ScoringFactor factor(String key, ScoringInput input, Normalisation normalisation, String weight,
			String description) {
		return new ScoringFactor(key, input, normalisation, new BigDecimal(weight), description);
	}

	private static Normalisation percentile() {
		return new Normalisation(NormalisationMethod.PERCENTILE, List.of(), null, null, List.of(), List.of(), true,
				BigDecimal.ZERO);
	}

	private static Normalisation bands(String... fromAndPoints) {
		List<Band> bands = new ArrayList<>();
		for (int i = 0; i < fromAndPoints.length; i += 2) {
			bands.add(new Band(new BigDecimal(fromAndPoints[i]), new BigDecimal(fromAndPoints[i + 1])));
		}
		return new Normalisation(NormalisationMethod.BANDS, bands, null, null, List.of(), List.of(), true,
				BigDecimal.ZERO);
	}

	private static Normalisation categories(String missingPoints, String... categoryAndPoints) {
		List<CategoryPoints> categories = new ArrayList<>();
		for (int i = 0; i < categoryAndPoints.length; i += 2) {
			categories.add(new CategoryPoints(categoryAndPoints[i], new BigDecimal(categoryAndPoints[i + 1])));
		}
		return new Normalisation(NormalisationMethod.CATEGORY_POINTS, List.of(), null, null, List.of(), categories,
				true, new BigDecimal(missingPoints));
	}

}
