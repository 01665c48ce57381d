package com.corpbank.portal.interaction;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code portal.interaction}: how long after recording an interaction its author may still correct it.
 *
 * @param correctionWindow from {@code recordedAt}, inclusive (default P7D)
 */
@ConfigurationProperties("portal.interaction")
public record InteractionProperties(@DefaultValue("P7D") Duration correctionWindow) {

	public InteractionProperties {
		if (correctionWindow.isNegative() || correctionWindow.isZero()) {
			throw new IllegalArgumentException("portal.interaction.correction-window must be a positive duration");
		}
	}

}
