package com.corpbank.portal.interaction;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The interaction tests' clock: starts at {@link #START} (10:00 in Beijing), moved on by the tests, never the wall clock. */
@TestConfiguration(proxyBeanMethods = false)
class InteractionTestConfiguration {

	static final Instant START = Instant.parse("2026-11-20T02:00:00Z");

	@Bean
	@Primary
	MovableClock interactionTestClock() {
		return new MovableClock(START);
	}

	/** A clock a test sets and moves; every reader sees the same instant. */
	static final class MovableClock extends Clock {

		private final AtomicReference<Instant> now;

		MovableClock(Instant start) {
			this.now = new AtomicReference<>(start);
		}

		void set(Instant instant) {
			this.now.set(instant);
		}

		void advance(Duration duration) {
			this.now.updateAndGet(instant -> instant.plus(duration));
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return Clock.fixed(this.now.get(), zone);
		}

		@Override
		public Instant instant() {
			return this.now.get();
		}

	}

}
