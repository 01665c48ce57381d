/**
 * Risk grades: internal rating and five-category classification.
 */
@NullMarked
package com.corpbank.portal.risk;

import org.jspecify.annotations.NullMarked;
