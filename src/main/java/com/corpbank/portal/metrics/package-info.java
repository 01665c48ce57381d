/**
 * The bank's own monthly relationship figures per client (average deposits, loans, settlement, products, fees): the
 * inputs the value-tier model and churn warnings read.
 */
@NullMarked
package com.corpbank.portal.metrics;

import org.jspecify.annotations.NullMarked;
