/**
 * The self-hosted GraphiQL page at {@code /graphiql}: the bundle built from {@code src/main/frontend}, the sign-in
 * settings it reads, and the page's own security headers.
 */
@NullMarked
package com.corpbank.portal.graphiql;

import org.jspecify.annotations.NullMarked;
