/**
 * The store: embedded MongoDB-wire server or a real MongoDB, indexes and health.
 */
@NullMarked
package com.corpbank.portal.store;

import org.jspecify.annotations.NullMarked;
