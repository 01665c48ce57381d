package com.corpbank.portal.portfolio;

import java.math.BigDecimal;

import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fen split the portfolio sums: every amount money may hold comes back exactly, alone and summed. */
class MoneyTest {

	@ParameterizedTest
	@ValueSource(strings = { "0.00", "0.01", "0.10", "999999999.99", "1000000000.00", "123456789012.34",
			"1000000000000000.00", "-0.01", "-123456789012.34", "-1000000000000000.00" })
	void anAmountSplitAndJoinedIsItself(String text) {
		BigDecimal amount = new BigDecimal(text);
		long[] parts = Money.fenParts(amount);
		assertThat(Math.abs(parts[1])).isLessThan(Money.SPLIT);
		assertThat(Money.fromFenParts(parts[0], parts[1])).isEqualTo(amount);
	}

	@Test
	void partsOfMixedSignsStillSumExactly() {
		String[] amounts = { "123456789012.34", "-0.99", "999999999999999.99", "-500000000.01", "0.10", "0.20" };
		long high = 0;
		long low = 0;
		BigDecimal expected = BigDecimal.ZERO.setScale(2);
		for (String text : amounts) {
			long[] parts = Money.fenParts(new BigDecimal(text));
			high += parts[0];
			low += parts[1];
			expected = expected.add(new BigDecimal(text));
		}
		assertThat(Money.fromFenParts(high, low)).isEqualTo(expected);
	}

	@Test
	void storedAmountsReadAtScaleTwoAndNothingFinerIsAccepted() {
		assertThat(Money.decimal(new Decimal128(new BigDecimal("12.5")))).isEqualTo(new BigDecimal("12.50"));
		assertThat(Money.decimal(null)).isEqualTo(new BigDecimal("0.00"));
		assertThatThrownBy(() -> Money.decimal(new BigDecimal("0.001"))).isInstanceOf(ArithmeticException.class);
	}

}
