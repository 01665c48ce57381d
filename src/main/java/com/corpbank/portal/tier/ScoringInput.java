package com.corpbank.portal.tier;

import java.util.List;

/**
 * What a scoring factor reads about a client. Numeric inputs are decimals in the unit named; categorical inputs are
 * one of {@link #categories()} and are normalised by a points table.
 *
 * <p>Windows: "over 12 months" means the twelve monthly relationship records ending with the last complete month
 * before the evaluation date; a month without a record counts as missing, not as zero.
 */
public enum ScoringInput {

	/** 营业收入 revenue of the latest annual statement, yuan. */
	REVENUE(FactorGroup.BUSINESS_SCALE),
	/** 资产总额 total assets of the latest annual statement, yuan. */
	TOTAL_ASSETS(FactorGroup.BUSINESS_SCALE),
	/** Headcount of the latest annual statement. */
	EMPLOYEES(FactorGroup.BUSINESS_SCALE),
	/** Whole years since the client was onboarded. */
	YEARS_WITH_BANK(FactorGroup.COOPERATION),
	/** 持有产品数 products held in the latest month. */
	PRODUCTS_HELD(FactorGroup.COOPERATION),
	/** Average monthly transaction count over 12 months. */
	TRANSACTION_FREQUENCY(FactorGroup.COOPERATION),
	/** 中间业务收入 fee income summed over 12 months, yuan. */
	FEE_INCOME(FactorGroup.CONTRIBUTION),
	/** 日均存款 average of the monthly average deposits over 12 months, yuan. */
	AVERAGE_DEPOSITS(FactorGroup.CONTRIBUTION),
	/** 贷款余额 loan balance at the end of the latest month, yuan. */
	LOAN_BALANCE(FactorGroup.CONTRIBUTION),
	/** RFM recency: whole months since the latest month with any transaction (0 = the latest month). */
	RECENCY_MONTHS(FactorGroup.RFM),
	/** RFM frequency: months with at least one transaction among the last 12. */
	ACTIVE_MONTHS(FactorGroup.RFM),
	/** RFM monetary: 结算量 settlement volume summed over 12 months, yuan. */
	SETTLEMENT_VOLUME(FactorGroup.RFM),
	/** Year-on-year revenue growth of the latest annual statement, as a share (0.12 = 12%). */
	REVENUE_GROWTH(FactorGroup.POTENTIAL),
	/** The industry section's outlook points (0..100) from the reference table. */
	INDUSTRY_OUTLOOK(FactorGroup.POTENTIAL),
	/** 纳税额 tax paid in the latest tax year on record, yuan. */
	TAX_PAID(FactorGroup.TAX),
	/** 纳税信用等级 of the latest tax year on record. */
	TAX_CREDIT_GRADE(FactorGroup.TAX, "A", "B", "M", "C", "D"),
	/** Internal credit rating. */
	CREDIT_RATING(FactorGroup.RISK, "AAA", "AA", "A", "BBB", "BB", "B", "CCC", "CC", "C", "D"),
	/** Five-category class 五级分类. */
	FIVE_CATEGORY(FactorGroup.RISK, "NORMAL", "SPECIAL_MENTION", "SUBSTANDARD", "DOUBTFUL", "LOSS"),
	/** Customer lifetime value estimate, yuan, from the model's {@link ClvParameters}. */
	LIFETIME_VALUE(FactorGroup.LIFETIME_VALUE);

	private final FactorGroup group;

	private final List<String> categories;

	ScoringInput(FactorGroup group, String... categories) {
		this.group = group;
		this.categories = List.of(categories);
	}

	/** The factor group the input belongs to. */
	public FactorGroup group() {
		return this.group;
	}

	/** The values of a categorical input; empty for a numeric one. */
	public List<String> categories() {
		return this.categories;
	}

	public boolean isCategorical() {
		return !this.categories.isEmpty();
	}

}
