package com.corpbank.portal.client;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/** Derives the economic region 区域 from a GB/T 2260 administrative division code by its province prefix. */
public final class Regions {

	// Province-level prefix (first two digits of GB/T 2260) -> region. 71 (台湾), 81 (香港), 82 (澳门) are
	// left out on purpose: the bank books onshore enterprises only.
	private static final Map<String, Region> BY_PROVINCE = Map.ofEntries(
			// 华东: 上海 江苏 浙江 安徽 福建 江西 山东
			Map.entry("31", Region.EAST_CHINA), Map.entry("32", Region.EAST_CHINA),
			Map.entry("33", Region.EAST_CHINA), Map.entry("34", Region.EAST_CHINA),
			Map.entry("35", Region.EAST_CHINA), Map.entry("36", Region.EAST_CHINA),
			Map.entry("37", Region.EAST_CHINA),
			// 华南: 广东 广西 海南
			Map.entry("44", Region.SOUTH_CHINA), Map.entry("45", Region.SOUTH_CHINA),
			Map.entry("46", Region.SOUTH_CHINA),
			// 华北: 北京 天津 河北 山西 内蒙古
			Map.entry("11", Region.NORTH_CHINA), Map.entry("12", Region.NORTH_CHINA),
			Map.entry("13", Region.NORTH_CHINA), Map.entry("14", Region.NORTH_CHINA),
			Map.entry("15", Region.NORTH_CHINA),
			// 华中: 河南 湖北 湖南
			Map.entry("41", Region.CENTRAL_CHINA), Map.entry("42", Region.CENTRAL_CHINA),
			Map.entry("43", Region.CENTRAL_CHINA),
			// 西南: 重庆 四川 贵州 云南 西藏
			Map.entry("50", Region.SOUTHWEST), Map.entry("51", Region.SOUTHWEST), Map.entry("52", Region.SOUTHWEST),
			Map.entry("53", Region.SOUTHWEST), Map.entry("54", Region.SOUTHWEST),
			// 西北: 陕西 甘肃 青海 宁夏 新疆
			Map.entry("61", Region.NORTHWEST), Map.entry("62", Region.NORTHWEST), Map.entry("63", Region.NORTHWEST),
			Map.entry("64", Region.NORTHWEST), Map.entry("65", Region.NORTHWEST),
			// 东北: 辽宁 吉林 黑龙江
			Map.entry("21", Region.NORTHEAST), Map.entry("22", Region.NORTHEAST), Map.entry("23", Region.NORTHEAST));

	private Regions() {
	}

	/**
	 * @param sixDigitAdminDivision a GB/T 2260 code such as {@code "310115"} (上海市浦东新区)
	 * @return the region of the code's province
	 * @throws IllegalArgumentException if the code is not six digits or its province prefix is unknown
	 */
	public static Region ofDivision(@Nullable String sixDigitAdminDivision) {
		if (sixDigitAdminDivision == null || !sixDigitAdminDivision.matches("\\d{6}")) {
			throw new IllegalArgumentException("not a six-digit administrative division: " + sixDigitAdminDivision);
		}
		Region region = BY_PROVINCE.get(sixDigitAdminDivision.substring(0, 2));
		if (region == null) {
			throw new IllegalArgumentException("unknown province in administrative division: " + sixDigitAdminDivision);
		}
		return region;
	}

}
