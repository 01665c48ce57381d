package com.corpbank.portal.tier;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * How one factor maps its raw input to points (0..100). Only the parts of its method are set:
 * <ul>
 * <li>{@code BANDS}: {@code bands}, ascending by {@code from}; a value below the first band scores 0;</li>
 * <li>{@code MIN_MAX}: {@code min} and {@code max}, taken from the book when the model is activated (null in a
 * draft); {@code higherIsBetter} false turns the scale round;</li>
 * <li>{@code PERCENTILE}: {@code cutPoints}, the book's 0th..100th percentiles (101 values) taken at activation;
 * {@code higherIsBetter} as for MIN_MAX;</li>
 * <li>{@code CATEGORY_POINTS}: {@code categories}, one entry per category of the input.</li>
 * </ul>
 *
 * @param missingPoints points when the client has no value for the input (the explanation marks it missing)
 */
public record Normalisation(NormalisationMethod method, List<Band> bands, @Nullable BigDecimal min,
		@Nullable BigDecimal max, List<BigDecimal> cutPoints, List<CategoryPoints> categories, boolean higherIsBetter,
		BigDecimal missingPoints) {

	public Normalisation {
		bands = (bands != null) ? List.copyOf(bands) : List.of();
		cutPoints = (cutPoints != null) ? List.copyOf(cutPoints) : List.of();
		categories = (categories != null) ? List.copyOf(categories) : List.of();
		missingPoints = (missingPoints != null) ? missingPoints : BigDecimal.ZERO;
	}

}
