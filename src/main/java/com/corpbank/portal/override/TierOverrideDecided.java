package com.corpbank.portal.override;

import com.corpbank.portal.audit.Actor;

/**
 * Published (a Spring application event) after an override of this client was approved, rejected or withdrawn and
 * the change is stored: the tier evaluation listens and re-evaluates the client, so an approved override shows at
 * once, attributed to whoever decided.
 */
public record TierOverrideDecided(String clientId, String overrideId, TierOverrideStatus decision, Actor actor) {
}
