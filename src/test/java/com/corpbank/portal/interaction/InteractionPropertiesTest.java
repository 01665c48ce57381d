package com.corpbank.portal.interaction;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** {@code portal.interaction.correction-window}: a window of zero or less stops the service at start-up. */
class InteractionPropertiesTest {

	@Test
	void aPositiveWindowIsKept() {
		assertThat(new InteractionProperties(Duration.ofDays(3)).correctionWindow()).isEqualTo(Duration.ofDays(3));
	}

	@Test
	void aZeroOrNegativeWindowIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new InteractionProperties(Duration.ZERO))
			.withMessageContaining("portal.interaction.correction-window");
		assertThatIllegalArgumentException().isThrownBy(() -> new InteractionProperties(Duration.ofHours(-1)));
	}

}
