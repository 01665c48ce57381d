package com.corpbank.portal.client;

/** Economic region 区域 of China; derived from the client's administrative division (GB/T 2260). */
public enum Region {
	/** 华东 */
	EAST_CHINA,
	/** 华南 */
	SOUTH_CHINA,
	/** 华北 */
	NORTH_CHINA,
	/** 华中 */
	CENTRAL_CHINA,
	/** 西南 */
	SOUTHWEST,
	/** 西北 */
	NORTHWEST,
	/** 东北 */
	NORTHEAST
}
