/**
 * The bank's org tree: head office, branches, sub-branches, teams.
 */
@NullMarked
package com.corpbank.portal.org;

import org.jspecify.annotations.NullMarked;
