package com.corpbank.portal.org;

/** Level of a unit in the bank's org tree. */
public enum OrgUnitType {
	/** 总行 */
	HEAD_OFFICE,
	/** 分行 */
	BRANCH,
	/** 支行 */
	SUB_BRANCH,
	/** 团队 */
	TEAM
}
