package com.corpbank.portal.tiering;

import java.time.Clock;
import java.time.LocalDate;

import com.corpbank.portal.BankTime;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of client evaluation.
 *
 * @param churnedAfterMonths months on record without any product after which a client is CHURNED
 * @param dormantAfterMonths months on record with products but no transaction after which a client is DORMANT
 * @param asOf the evaluation date, for demos and tests of a fixed book; unset, evaluations are as of the Beijing date
 */
@ConfigurationProperties("portal.tiering")
public record TieringProperties(int churnedAfterMonths, int dormantAfterMonths, @Nullable LocalDate asOf) {

	public TieringProperties {
		churnedAfterMonths = (churnedAfterMonths > 0) ? churnedAfterMonths : 6;
		dormantAfterMonths = (dormantAfterMonths > 0) ? dormantAfterMonths : 6;
	}

	/** The date evaluations read their inputs as of. */
	public LocalDate asOf(Clock clock) {
		return (this.asOf != null) ? this.asOf : LocalDate.now(clock.withZone(BankTime.ZONE));
	}

	LifecycleRules lifecycleRules() {
		return new LifecycleRules(this.churnedAfterMonths, this.dormantAfterMonths);
	}

}
