package com.corpbank.portal.tax;

/**
 * 纳税信用等级: the tax credit grade the State Taxation Administration 国家税务总局 publishes each year for the previous
 * tax year (《纳税信用管理办法》), best first.
 */
public enum TaxCreditGrade {

	/** A: 90 points and above. */
	A,
	/** B: 70 to under 90 points. */
	B,
	/** M: newly established, or no business income in the year, and no serious breach. */
	M,
	/** C: 40 to under 70 points. */
	C,
	/** D: under 40 points, or a serious breach (tax evasion, fraud). */
	D

}
