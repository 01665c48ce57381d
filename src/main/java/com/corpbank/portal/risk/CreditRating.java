package com.corpbank.portal.risk;

/** Internal borrower credit rating 内部评级, master scale from best to default. */
public enum CreditRating {
	AAA, AA, A, BBB, BB, B, CCC, CC, C,
	/** Default grade 违约. */
	D
}
