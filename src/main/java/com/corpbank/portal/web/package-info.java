/**
 * The HTTP edge in front of GraphQL: request body limit, request shape, per-user rate limit, CORS policy and
 * clean JSON answers for everything that is not a GraphQL request.
 */
@NullMarked
package com.corpbank.portal.web;

import org.jspecify.annotations.NullMarked;
