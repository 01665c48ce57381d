package com.corpbank.portal.client;

/** Enterprise size 企业规模 by the 《中小企业划型标准规定》 (2011) table. */
public enum EnterpriseSize {
	/** 大型 */
	LARGE,
	/** 中型 */
	MEDIUM,
	/** 小型 */
	SMALL,
	/** 微型 */
	MICRO
}
