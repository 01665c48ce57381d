/**
 * Manual tier overrides with maker-checker: a branch manager proposes a tier for a client with a reason and an
 * expiry date; a different branch manager with the client in scope (or a head-office one) approves or rejects it.
 * The scoring engine reads the approved, unexpired override of each client through {@link TierOverrides}.
 */
@NullMarked
package com.corpbank.portal.override;

import org.jspecify.annotations.NullMarked;
