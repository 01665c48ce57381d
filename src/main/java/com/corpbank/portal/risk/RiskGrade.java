package com.corpbank.portal.risk;

import java.time.LocalDate;

/**
 * The client's current risk grades, embedded in the client document so that lists can filter on them.
 * Rating (borrower) and five-category class (asset) are separate dimensions.
 */
public record RiskGrade(CreditRating rating, FiveCategory fiveCategory, LocalDate ratedOn) {
}
