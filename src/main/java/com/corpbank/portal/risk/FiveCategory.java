package com.corpbank.portal.risk;

/** Five-category asset classification 五级分类 (CBIRC and PBoC Order 2023 No. 1). */
public enum FiveCategory {
	/** 正常 */
	NORMAL,
	/** 关注 */
	SPECIAL_MENTION,
	/** 次级 (non-performing) */
	SUBSTANDARD,
	/** 可疑 (non-performing) */
	DOUBTFUL,
	/** 损失 (non-performing) */
	LOSS
}
