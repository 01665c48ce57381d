/**
 * Value tiers and their scores.
 */
@NullMarked
package com.corpbank.portal.tier;

import org.jspecify.annotations.NullMarked;
