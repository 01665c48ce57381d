/**
 * Portfolio aggregates 客户结构分析: counts and exact money sums of the caller's book grouped by one dimension, and
 * the copy of each client's latest figures kept on the client document so that the aggregate is one aggregation
 * over {@code clients}.
 */
@NullMarked
package com.corpbank.portal.portfolio;

import org.jspecify.annotations.NullMarked;
