package com.corpbank.portal.client;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RegionsTest {

	@ParameterizedTest
	@CsvSource({
			"310115, EAST_CHINA", // 上海市浦东新区
			"320583, EAST_CHINA", // 江苏省昆山市
			"330106, EAST_CHINA", // 浙江省杭州市西湖区
			"340104, EAST_CHINA", "350102, EAST_CHINA", "360102, EAST_CHINA", "370202, EAST_CHINA",
			"440305, SOUTH_CHINA", // 广东省深圳市南山区
			"450103, SOUTH_CHINA", "460106, SOUTH_CHINA",
			"110108, NORTH_CHINA", // 北京市海淀区
			"120116, NORTH_CHINA", "130102, NORTH_CHINA", "140105, NORTH_CHINA", "150102, NORTH_CHINA",
			"410105, CENTRAL_CHINA", "420106, CENTRAL_CHINA", "430104, CENTRAL_CHINA",
			"500103, SOUTHWEST", "510107, SOUTHWEST", "520102, SOUTHWEST", "530102, SOUTHWEST", "540102, SOUTHWEST",
			"610113, NORTHWEST", "620102, NORTHWEST", "630102, NORTHWEST", "640104, NORTHWEST", "650102, NORTHWEST",
			"210204, NORTHEAST", "220102, NORTHEAST", "230102, NORTHEAST" })
	void provincePrefixDecidesRegion(String division, Region expected) {
		assertThat(Regions.ofDivision(division)).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "710000", "810000", "820000", "990101", "000000" })
	void unknownProvinceIsRejected(String division) {
		assertThatIllegalArgumentException().isThrownBy(() -> Regions.ofDivision(division));
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "31011", "3101155", "31011A", " 310115" })
	void malformedDivisionIsRejected(String division) {
		assertThatIllegalArgumentException().isThrownBy(() -> Regions.ofDivision(division));
	}

}
