package com.corpbank.portal.client;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class IdNumberTest {

	@Test
	void knownNumbersPass() {
		// The standard's own example, and one ending in X.
		assertThat(IdNumber.problem("11010519491231002X")).isEmpty();
		assertThat(IdNumber.problem("110101199003074477")).isEmpty();
		assertThat(IdNumber.checkCharacter("11010519491231002")).isEqualTo('X');
	}

	@ParameterizedTest
	@ValueSource(strings = { "110105194912310021", "11010519491231002", "1101051949123100212", "11010519491331002X",
			"A1010519491231002X", "11010519491231002Y" })
	void wrongNumbersAreRefusedWithAReason(String idNumber) {
		assertThat(IdNumber.problem(idNumber)).isPresent();
	}

	@Test
	void lowerCaseXIsNormalised() {
		assertThat(IdNumber.normalise(" 11010519491231002x ")).isEqualTo("11010519491231002X");
	}

}
