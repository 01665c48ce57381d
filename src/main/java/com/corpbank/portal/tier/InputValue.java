package com.corpbank.portal.tier;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/** One raw input of a client: a decimal for a numeric input, a category for a categorical one. */
public record InputValue(@Nullable BigDecimal number, @Nullable String category) {

	public static InputValue of(BigDecimal number) {
		return new InputValue(number, null);
	}

	public static InputValue of(String category) {
		return new InputValue(null, category);
	}

}
