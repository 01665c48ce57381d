/**
 * The GraphQL runtime shared by every feature: scalars, cursors, error mapping.
 */
@NullMarked
package com.corpbank.portal.graphql;

import org.jspecify.annotations.NullMarked;
