/**
 * The vocabulary every mutation shares: {@link com.corpbank.portal.write.UserError} and its codes, the one
 * input checker ({@link com.corpbank.portal.write.InputCheck}) and {@link com.corpbank.portal.write.MutationRejected},
 * which carries expected failures out of a service into the mutation's payload. Sits below the features.
 */
@NullMarked
package com.corpbank.portal.write;

import org.jspecify.annotations.NullMarked;
