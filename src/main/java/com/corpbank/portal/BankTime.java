package com.corpbank.portal;

import java.time.ZoneId;

/**
 * The bank's time zone: Beijing time. Business dates (a statement's month, a follow-up's due day, a tier's evaluation
 * date, an "as of" date) are Beijing dates whatever the server's zone, so every conversion between an instant and a
 * date goes through this one zone.
 */
public final class BankTime {

	/** Asia/Shanghai (UTC+8, no daylight saving). */
	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private BankTime() {
	}

}
