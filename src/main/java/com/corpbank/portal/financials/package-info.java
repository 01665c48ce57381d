/**
 * Financial statements per reporting period and the derived ratios.
 */
@NullMarked
package com.corpbank.portal.financials;

import org.jspecify.annotations.NullMarked;
