package com.corpbank.portal.tiering;

/** Input of {@code evaluateClientTier}. */
public record EvaluateClientTierInput(String clientId) {
}
