package com.corpbank.portal.portfolio;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

import org.bson.types.Decimal128;
import org.jspecify.annotations.Nullable;

/**
 * Money as integer fen split into two parts that sum exactly in any MongoDB: {@code high} = fen / 10^9 and
 * {@code low} = fen % 10^9 (Java's truncating division, so both carry the amount's sign).
 */
final class Money {

	static final long SPLIT = 1_000_000_000L;

	private Money() {
	}

	/** A stored amount (Decimal128 or BigDecimal) at scale 2; money is recorded with at most two decimals. */
	static BigDecimal decimal(@Nullable Object stored) {
		BigDecimal amount;
		if (stored instanceof Decimal128 decimal) {
			amount = decimal.bigDecimalValue();
		}
		else if (stored instanceof BigDecimal decimal) {
			amount = decimal;
		}
		else if (stored == null) {
			amount = BigDecimal.ZERO;
		}
		else {
			throw new IllegalStateException("not a stored amount: " + stored.getClass().getName());
		}
		// Recording checks two decimals (InputCheck.money); a seeded amount with more would be a data error.
		return amount.setScale(2, RoundingMode.UNNECESSARY);
	}

	/** {high, low}: the amount's fen, split at 10^9. */
	static long[] fenParts(BigDecimal amount) {
		long fen = amount.movePointRight(2).longValueExact();
		return new long[] { fen / SPLIT, fen % SPLIT };
	}

	/** The amount (scale 2) of summed parts: (high × 10^9 + low) fen, in BigInteger so nothing can overflow. */
	static BigDecimal fromFenParts(long highSum, long lowSum) {
		BigInteger fen = BigInteger.valueOf(highSum).multiply(BigInteger.valueOf(SPLIT)).add(BigInteger.valueOf(lowSum));
		return new BigDecimal(fen, 2);
	}

}
