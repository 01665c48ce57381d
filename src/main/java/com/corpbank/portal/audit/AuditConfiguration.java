package com.corpbank.portal.audit;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The clock audit events and histories are stamped with, and the schedule the outbox sweep runs on. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AuditConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

}
