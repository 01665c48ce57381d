/**
 * Deterministic demo data for local runs and end-to-end tests.
 */
@NullMarked
package com.corpbank.portal.seed;

import org.jspecify.annotations.NullMarked;
