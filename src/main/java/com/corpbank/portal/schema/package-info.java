/**
 * Publishing the schema: the SDL served at {@code GET /graphql/schema} to signed-in callers, described by the SDL
 * files alone and declared as UTF-8.
 */
@NullMarked
package com.corpbank.portal.schema;

import org.jspecify.annotations.NullMarked;
