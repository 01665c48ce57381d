/**
 * The signed-in user as the portal sees them.
 */
@NullMarked
package com.corpbank.portal.me;

import org.jspecify.annotations.NullMarked;
