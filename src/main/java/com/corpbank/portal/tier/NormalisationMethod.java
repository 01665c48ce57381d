package com.corpbank.portal.tier;

/** How a factor turns its raw input into points from 0 to 100. */
public enum NormalisationMethod {
	/** Ordered lower bounds, each with its points: the highest band whose lower bound the value reaches. */
	BANDS,
	/** Linear between the book's minimum (0 points) and maximum (100), taken when the model is activated. */
	MIN_MAX,
	/** The value's percentile rank in the book, from cut points taken when the model is activated. */
	PERCENTILE,
	/** A points table for a categorical input. */
	CATEGORY_POINTS
}
