/**
 * GB/T 4754-2017 industry classification as reference data.
 */
@NullMarked
package com.corpbank.portal.industry;

import org.jspecify.annotations.NullMarked;
