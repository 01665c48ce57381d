package com.corpbank.portal.risk;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * The client's current risk grades, embedded in the client document so that lists can filter on them.
 * Rating (borrower) and five-category class (asset) are separate dimensions.
 *
 * @param overdueDays days the client's most overdue loan is past due when the grades were set; null for grades
 * seeded before it was recorded
 */
public record RiskGrade(CreditRating rating, FiveCategory fiveCategory, LocalDate ratedOn,
		@Nullable Integer overdueDays) {

	public RiskGrade(CreditRating rating, FiveCategory fiveCategory, LocalDate ratedOn) {
		this(rating, fiveCategory, ratedOn, null);
	}

}
