package com.corpbank.portal.override;

/**
 * Published (a Spring application event) after an override of this client was approved, rejected or withdrawn and
 * the change is stored: the tier evaluation listens and re-evaluates the client, so an approved override shows at
 * once.
 */
public record TierOverrideDecided(String clientId) {
}
