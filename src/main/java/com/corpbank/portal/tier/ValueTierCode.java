package com.corpbank.portal.tier;

/** Value tier 价值分层. */
public enum ValueTierCode {
	/** 贵宾 VIP: high value. */
	A,
	/** 普通 standard: medium value. */
	B,
	/** 潜力 potential: low value today. */
	C
}
