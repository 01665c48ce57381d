package com.corpbank.portal.tier;

import java.time.LocalDate;

/**
 * Takes the book's bounds for a model's MIN_MAX and PERCENTILE factors when it is activated, so that the active model
 * scores each client from that client's inputs alone (a score never moves because another client's did;
 * recalibrating is a new model version).
 */
public interface BookCalibration {

	/**
	 * @param draft a valid draft model
	 * @param asOf the date whose inputs calibrate it
	 * @return the model with {@code min}/{@code max} and {@code cutPoints} filled in where its methods need them
	 */
	TierModel calibrate(TierModel draft, LocalDate asOf);

}
