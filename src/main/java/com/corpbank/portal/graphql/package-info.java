/**
 * The GraphQL runtime shared by every feature: scalars, cursors, request cost limits, error mapping and messages.
 */
@NullMarked
package com.corpbank.portal.graphql;

import org.jspecify.annotations.NullMarked;
