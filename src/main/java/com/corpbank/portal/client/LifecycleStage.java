package com.corpbank.portal.client;

/** Client lifecycle stage 生命周期. */
public enum LifecycleStage {
	/** 潜在客户 */
	PROSPECT,
	/** 新客户 */
	NEW,
	/** 成熟客户 */
	MATURE,
	/** 休眠 */
	DORMANT,
	/** 有流失风险 */
	AT_RISK,
	/** 已流失 */
	CHURNED
}
