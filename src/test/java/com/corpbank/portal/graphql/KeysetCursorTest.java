package com.corpbank.portal.graphql;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link KeysetCursor}: each value type comes back as the same type and value; anything else is refused typed. */
class KeysetCursorTest {

	@Test
	void everyValueTypeRoundTripsAsItself() {
		List<Object> values = List.of("上海东方", new BigDecimal("91.20"), Instant.parse("2026-11-18T16:00:00Z"),
				Instant.parse("2026-11-18T16:00:00.123456789Z"), LocalDate.of(2026, 12, 4));
		for (Object value : values) {
			KeysetCursor decoded = KeysetCursor.decode(new KeysetCursor("order", value, "C-LI-1").encode(), "order");
			assertThat(decoded.value()).as(String.valueOf(value)).isEqualTo(value).hasSameClassAs(value);
			assertThat(decoded.id()).isEqualTo("C-LI-1");
		}
		assertThat(KeysetCursor.decode(new KeysetCursor("order", null, "x").encode(), "order").value()).isNull();
	}

	@Test
	void anInstantOrDateThatIsNotOneIsRefused() {
		for (String forged : List.of("I\u001F2026-13-01T00:00:00Z", "I\u001F2026-11-18", "I\u001F+1000000000-01-01T00:00:00Z",
				"I\u001F2026-11-18T16:00:00+08:00", "I\u001F2026-02-30T00:00:00Z", "I\u001F", "I\u001Fnull",
				"L\u001F2026-11-18T16:00:00Z", "L\u001F2026-02-30", "L\u001F-2026-01-01", "L\u001F+12026-01-01",
				"X\u001F2026-11-18")) {
			String cursor = encode("order\u001F" + forged + "\u001FC-LI-1");
			assertThatThrownBy(() -> KeysetCursor.decode(cursor, "order")).as(forged)
				.isInstanceOf(InvalidArgumentException.class)
				.satisfies(ex -> assertThat(((InvalidArgumentException) ex).argument()).isEqualTo("after"));
		}
	}

	@Test
	void onlyTheFourValueTypesAreAccepted() {
		assertThatThrownBy(() -> new KeysetCursor("order", 42, "x")).isInstanceOf(IllegalArgumentException.class);
	}

	private static String encode(String raw) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
	}

}
