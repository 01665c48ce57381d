package com.corpbank.portal.client;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class UsccTest {

	// 91350100M000100Y43 is the sample code commonly cited for GB 32100-2015 (a new-style "M..." org code);
	// the others are codes seen on public business licences, checked here by the algorithm, not by owner.
	@ParameterizedTest
	@ValueSource(strings = { "91350100M000100Y43", "91110108551385082Q", "914403001922038216", "91310000132149237G",
			"91110000100010433L" })
	void realWorldCodesAreValid(String code) {
		assertThat(Uscc.isValid(code)).isTrue();
		assertThat(Uscc.checkChar(code.substring(0, 17))).isEqualTo(code.charAt(17));
		assertThat(Uscc.orgCodeCheckChar(code.substring(8, 16))).isEqualTo(code.charAt(16));
	}

	@Test
	void wrongCheckCharIsInvalid() {
		// Circulates as an example but fails the check: positions 1-17 give P, not 6.
		assertThat(Uscc.checkChar("91110000100030252")).isEqualTo('P');
		assertThat(Uscc.isValid("911100001000302526")).isFalse();
		assertThat(Uscc.isValid("91350100M000100Y44")).isFalse();
	}

	@Test
	void wrongOrganisationCodeCheckIsInvalidEvenWithMatchingFinalCheck() {
		String first17 = "91350100M000100Y5"; // org check should be 4
		String code = first17 + Uscc.checkChar(first17);
		assertThat(Uscc.isValid(code)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "91350100M000100Y4", "91350100M000100Y433", "91350100m000100y43", "91350100I000100Y43",
			"91350100O000100Y43", "9135010SM000100Y43", "913501A0M000100Y43", "91350100M000100Y4Z", "91350100M000100Y4 ",
			"９1350100M000100Y43" })
	void malformedCodesAreInvalid(String code) {
		assertThat(Uscc.isValid(code)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "91350100M000100Y4", "91350100M000100Y433", "91350100m000100y43", "91350100I000100Y43",
			"91350100O000100Y43", "9135010SM000100Y43", "913501A0M000100Y43", "91350100M000100Y4Z", "91350100M000100Y4 ",
			"９1350100M000100Y43", "" })
	void malformedCodesHaveAStructureProblem(String code) {
		assertThat(Uscc.structureProblem(code)).isPresent();
	}

	@ParameterizedTest
	@ValueSource(strings = { "91350100M000100Y43", "911100001000302526", "91350100M000100Y44" })
	void aWellShapedCodeHasNoStructureProblemWhetherItsCheckPassesOrNot(String code) {
		// Only the check failure may be overridden with a reason; the shape never.
		assertThat(Uscc.structureProblem(code)).isEmpty();
	}

	@ParameterizedTest
	@NullAndEmptySource
	void missingCodeIsInvalid(String code) {
		assertThat(Uscc.isValid(code)).isFalse();
	}

	@Test
	void checkCharOfThirtyOneMapsToZero() {
		// Sum 0 mod 31 -> 31 - 0 = 31 -> '0'.
		assertThat(Uscc.checkChar("00000000000000000")).isEqualTo('0');
	}

	@Test
	void organisationCodeCheckMapsTenToXAndElevenToZero() {
		// 00000001: sum 1 * 2 = 2 -> 11 - 2 = 9.
		assertThat(Uscc.orgCodeCheckChar("00000001")).isEqualTo('9');
		// 00000000: sum 0 -> 11 -> '0'.
		assertThat(Uscc.orgCodeCheckChar("00000000")).isEqualTo('0');
		// 00000006: sum 12 -> 1 mod 11 -> 10 -> 'X'.
		assertThat(Uscc.orgCodeCheckChar("00000006")).isEqualTo('X');
		// GB 11714 letters count 10..35: 'A' first weighs 3 * 10 = 30 -> 8 mod 11 -> 3.
		assertThat(Uscc.orgCodeCheckChar("A0000000")).isEqualTo('3');
	}

	@Test
	void ofBuildsValidCodeFromItsParts() {
		String code = Uscc.of('9', '1', "350100", "M000100Y");
		assertThat(code).isEqualTo("91350100M000100Y43");
		assertThat(Uscc.isValid(Uscc.of('9', '1', "310115", "MA1FL0XB"))).isTrue();
		assertThat(Uscc.isValid(Uscc.of('9', '1', "110108", "00000006"))).isTrue();
	}

	@Test
	void ofRejectsMalformedParts() {
		assertThatIllegalArgumentException().isThrownBy(() -> Uscc.of('9', '1', "31011", "M000100Y"));
		assertThatIllegalArgumentException().isThrownBy(() -> Uscc.of('9', '1', "31011A", "M000100Y"));
		assertThatIllegalArgumentException().isThrownBy(() -> Uscc.of('9', '1', "310115", "M000100"));
		assertThatIllegalArgumentException().isThrownBy(() -> Uscc.of('9', '1', "310115", "M00010OY"));
		assertThatIllegalArgumentException().isThrownBy(() -> Uscc.of('S', '1', "310115", "M000100Y"));
	}

	@Test
	void checkFunctionsRejectMalformedInput() {
		assertThatIllegalArgumentException().isThrownBy(() -> Uscc.checkChar("9135010"));
		assertThatIllegalArgumentException().isThrownBy(() -> Uscc.checkChar("91350100M000100YI"));
		assertThatIllegalArgumentException().isThrownBy(() -> Uscc.orgCodeCheckChar("M000100"));
		assertThatIllegalArgumentException().isThrownBy(() -> Uscc.orgCodeCheckChar("m000100y"));
	}

}
