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
	LOSS;

	/**
	 * The best class a loan this many days overdue may have (the 2023 rules' floors): any overdue at least special
	 * mention, over 90 days substandard, over 270 doubtful, over 360 loss.
	 */
	public static FiveCategory floorFor(int overdueDays) {
		if (overdueDays > 360) {
			return LOSS;
		}
		if (overdueDays > 270) {
			return DOUBTFUL;
		}
		if (overdueDays > 90) {
			return SUBSTANDARD;
		}
		return (overdueDays > 0) ? SPECIAL_MENTION : NORMAL;
	}

	/** True when this class is better (less severe) than the other: NORMAL is better than LOSS. */
	public boolean isBetterThan(FiveCategory other) {
		return ordinal() < other.ordinal();
	}

}
