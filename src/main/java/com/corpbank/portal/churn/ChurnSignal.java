package com.corpbank.portal.churn;

/** The churn signals 流失信号 (see {@link ChurnSignals} for each rule). */
public enum ChurnSignal {
	/** 日均存款下降: the last three months' average deposits fell by more than the configured share. */
	DEPOSITS_FALLING,
	/** 持有产品减少: fewer products than the most of the three months before. */
	FEWER_PRODUCTS,
	/** 长期未联系: no recorded contact for longer than the multiple of the tier's visit cadence. */
	NO_RECENT_CONTACT,
	/** 未结投诉: open complaints. */
	OPEN_COMPLAINTS,
	/** 贷款逾期: overdue loans. */
	OVERDUE_LOANS,
	/** 满意度偏低: the newest survey answer within the window is at or below the scale's threshold. */
	LOW_SATISFACTION
}
