package com.corpbank.portal.client;

import java.util.Optional;

/**
 * The GB/T 4754 divisions a client's industry may name (answered by the industry catalog). An interface here, so
 * that {@code client} does not depend on {@code industry}, which depends on {@code client} for {@link Industry}.
 */
public interface IndustryDivisions {

	/**
	 * @param divisionCode a two-digit division code 大类, e.g. {@code "39"}
	 * @return the industry (section and division) when the code is one of the standard's divisions
	 */
	Optional<Industry> industryOf(String divisionCode);

	/** How many divisions the standard has (97 in GB/T 4754-2017), for messages. */
	int divisionCount();

}
