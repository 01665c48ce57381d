package com.corpbank.portal.tier;

/** The families of value the seeds name; each factor belongs to one. */
public enum FactorGroup {
	/** 经营规模 */
	BUSINESS_SCALE,
	/** 合作历史 */
	COOPERATION,
	/** 综合贡献 */
	CONTRIBUTION,
	/** RFM of the banking relationship */
	RFM,
	/** 发展潜力 */
	POTENTIAL,
	/** 纳税 */
	TAX,
	/** 风险调整 */
	RISK,
	/** 客户终身价值 */
	LIFETIME_VALUE
}
