package com.corpbank.portal.retiering;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The two seams the lead's tiering code fills, stood in for the job's own tests: a {@link RecordingWork} and an
 * active model version the test sets. Primary, so that they win over the real beans once those exist.
 */
@TestConfiguration(proxyBeanMethods = false)
class RetieringStandIns {

	@Bean
	@Primary
	RecordingWork recordingWork() {
		return new RecordingWork();
	}

	@Bean
	@Primary
	SettableModel settableModel() {
		return new SettableModel();
	}

	/** The active model version a test says. */
	static class SettableModel implements ActiveModelVersion {

		private volatile @Nullable String version = "TEST-1";

		@Override
		public Optional<String> current() {
			return Optional.ofNullable(this.version);
		}

		void set(@Nullable String version) {
			this.version = version;
		}

	}

}
