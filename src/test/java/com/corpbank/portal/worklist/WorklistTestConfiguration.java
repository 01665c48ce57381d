package com.corpbank.portal.worklist;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The worklist tests' clock: fixed at {@link #NOW}, 10:00 in Beijing on {@link #TODAY}, never the wall clock. */
@TestConfiguration(proxyBeanMethods = false)
class WorklistTestConfiguration {

	static final Instant NOW = Instant.parse("2026-11-20T02:00:00Z");

	static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

	@Bean
	@Primary
	Clock worklistTestClock() {
		return Clock.fixed(NOW, ZoneId.of("UTC"));
	}

}
