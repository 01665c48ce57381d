package com.corpbank.portal.industry;

import java.math.BigDecimal;

/**
 * The outlook of a GB/T 4754 section 门类, as the reference table states it.
 *
 * @param section the section letter, e.g. C
 * @param growth expected annual growth of the section as a share (0.06 = 6%)
 * @param competition how crowded the section is
 * @param points the outlook's score, 0..100, that tiering's future-potential factor reads
 */
public record IndustryOutlook(String section, BigDecimal growth, Competition competition, int points) {

	/** How hard the section's firms compete 竞争程度. */
	public enum Competition {

		/** 竞争程度低 */
		LOW,
		/** 竞争程度中等 */
		MEDIUM,
		/** 竞争程度高 */
		HIGH

	}

}
