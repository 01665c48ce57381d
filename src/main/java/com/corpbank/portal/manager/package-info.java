/**
 * Relationship managers and their teams.
 */
@NullMarked
package com.corpbank.portal.manager;

import org.jspecify.annotations.NullMarked;
