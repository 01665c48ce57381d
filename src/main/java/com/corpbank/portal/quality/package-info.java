/**
 * Data quality report 数据质量: clients with missing or stale financial statements, failed USCC checks, no contacts
 * or no risk rating, counted per team of the primary RM and in total over the caller's client scope, with a scoped
 * drill-down to the clients of each problem. Every count is one MongoDB aggregation over {@code clients} (joining
 * statements and contacts by {@code $lookup}); nothing loads clients into Java to test them.
 */
@NullMarked
package com.corpbank.portal.quality;

import org.jspecify.annotations.NullMarked;
