/**
 * Batch re-tiering: jobs over the whole book, chunked, resumable and one at a time across instances.
 */
@NullMarked
package com.corpbank.portal.retiering;

import org.jspecify.annotations.NullMarked;
