package com.corpbank.portal.churn;

import org.jspecify.annotations.Nullable;

/**
 * A signal that fired, with the value that made it fire and the threshold it crossed, both as text: decimals as
 * plain decimal text ("0.4213"), dates ISO ("2026-03-02"), periods ISO ("P2M"). Built from the inputs alone (no
 * evaluation date in it), so the same inputs give an equal record and an unchanged alert is not written again.
 *
 * @param value null only for {@link ChurnSignal#NO_RECENT_CONTACT} when no contact is on record at all
 * @param detail one line, Chinese then English, that says what was compared
 */
public record FiredSignal(ChurnSignal code, @Nullable String value, String threshold, String detail) {
}
